/**
 * manifest.json of a batch folder: every file with its student, pages, size
 * and SHA-256; where each document sits in the print file; and the input
 * hash of each row, which lets a re-run skip rows that did not change.
 *
 * @example
 * const previous = readManifest(text); // undefined when absent or unreadable
 */

/** Bump when the manifest's shape changes; an older manifest means a full rebuild. */
export const MANIFEST_VERSION = 1;

/** One file of the batch folder. */
export interface ManifestFile {
  /** Path inside the batch folder, with "/" separators. */
  readonly path: string;
  /** The student's name as written in the roster (absent for batch-wide files). */
  readonly student?: string;
  /** Page count (PDF only; Word decides a DOCX's pages when it opens it). */
  readonly pages?: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** Where one document sits in print.pdf. */
export interface PrintRange {
  /** The document's file, e.g. "maya-patel/packet.pdf". */
  readonly path: string;
  readonly firstPage: number;
  readonly lastPage: number;
  /** True when a blank page follows it (duplex printing). */
  readonly blankAfter: boolean;
}

/** One roster row that was built (this run or an earlier one). */
export interface ManifestRow {
  /** Row as a spreadsheet shows it (CSV) or record number (YAML). */
  readonly row: number;
  readonly student: string;
  /** The student's folder inside the batch folder. */
  readonly folder: string;
  /** SHA-256 of the row's data, the kit config, content, templates and tool version. */
  readonly inputHash: string;
  readonly files: readonly ManifestFile[];
  readonly print?: readonly PrintRange[];
}

/** The whole manifest. */
export interface Manifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly tool: string;
  readonly roster: string;
  readonly rows: readonly ManifestRow[];
  /** The print file, when one was made. */
  readonly print?: ManifestFile & { readonly duplex: boolean; readonly key: string };
  /** Every file listed once, for checking: the rows' files, then batch-wide ones. */
  readonly files: readonly ManifestFile[];
}

/** Parses a previous manifest; undefined when the text is absent, unreadable or of another version. */
export function readManifest(text: string | undefined): Manifest | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.version !== MANIFEST_VERSION || !Array.isArray(value.rows)) return undefined;
    return value as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Serializes a manifest as JSON with one row or file per line: readable, and
 * built line by line so a roster of 10,000 rows never needs one giant string.
 */
export function encodeManifest(manifest: Manifest): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const line = (text: string) => chunks.push(encoder.encode(`${text}\n`));
  const list = (key: string, items: readonly unknown[], last: boolean) => {
    line(`  ${JSON.stringify(key)}: [`);
    items.forEach((item, i) => line(`    ${JSON.stringify(item)}${i + 1 < items.length ? ',' : ''}`));
    line(`  ]${last ? '' : ','}`);
  };
  line('{');
  line(`  "version": ${manifest.version},`);
  line(`  "tool": ${JSON.stringify(manifest.tool)},`);
  line(`  "roster": ${JSON.stringify(manifest.roster)},`);
  if (manifest.print) line(`  "print": ${JSON.stringify(manifest.print)},`);
  list('rows', manifest.rows, false);
  list('files', manifest.files, true);
  line('}');
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

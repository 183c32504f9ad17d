/**
 * manifest.json of a batch folder: every file with its student, pages, size
 * and SHA-256; where each document sits in the print file; and the input
 * hash of each row, which lets a re-run skip rows that did not change.
 *
 * A manifest is read back as untrusted input (anyone can edit it): it must
 * match {@link manifestSchema}, whose paths stay inside the batch folder and
 * each row's files inside the row's own folder; anything else is ignored and
 * the batch starts afresh.
 *
 * @example
 * const previous = readManifest(text); // { manifest } or { problem: 'rows[0].files[1].path: …' }
 */
import { concatBytes } from '../bytes.js';
import { z } from 'zod';

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
  /** The warnings its build gave, repeated in the report while the row is unchanged. */
  readonly warnings?: readonly { readonly message: string; readonly hints: readonly string[] }[];
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

/** A path inside the batch folder: "/"-separated names, none empty, "." or "..", no backslash or control character. */
const relativePath = z
  .string()
  .max(1000)
  .refine((p) => p.split('/').every((name) => name !== '' && name !== '.' && name !== '..' && !/[\\\u0000-\u001f]/.test(name)), {
    message: 'must be a path inside the batch folder',
  });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const count = z.number().int().nonnegative();

const fileSchema = z.strictObject({
  path: relativePath,
  student: z.string().max(1000).optional(),
  pages: count.optional(),
  bytes: count,
  sha256,
});

const rowSchema = z
  .strictObject({
    row: count,
    student: z.string().max(1000),
    folder: relativePath.refine((p) => !p.includes('/'), 'must be one folder name'),
    inputHash: sha256,
    files: z.array(fileSchema).max(100),
    print: z.array(z.strictObject({ path: relativePath, firstPage: count, lastPage: count, blankAfter: z.boolean() })).max(100).optional(),
    warnings: z.array(z.strictObject({ message: z.string().max(10_000), hints: z.array(z.string().max(10_000)).max(20) })).max(100).optional(),
  })
  .refine((r) => r.files.every((f) => f.path.startsWith(`${r.folder}/`)), { message: 'lists a file outside its own folder', path: ['files'] });

/** The shape a manifest must have to be trusted by a re-run. */
export const manifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  tool: z.string().max(1000),
  roster: z.string().max(10_000),
  rows: z.array(rowSchema),
  print: fileSchema.extend({ duplex: z.boolean(), key: sha256 }).optional(),
  files: z.array(fileSchema),
});

/** What {@link readManifest} found: a usable manifest, or why the text is not one. */
export type ReadManifestResult = { readonly manifest: Manifest; readonly problem?: undefined } | { readonly manifest?: undefined; readonly problem: string };

/** Parses and checks a previous manifest; `problem` says why it cannot be used (undefined text: there is none). */
export function readManifest(text: string | undefined): ReadManifestResult | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const checked = manifestSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
    return { problem: `${where ? `${where}: ` : ''}${issue.message}` };
  }
  return { manifest: checked.data as Manifest };
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
  return concatBytes(chunks);
}

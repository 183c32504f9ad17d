/**
 * The batch runner: a roster in, one folder per student, a duplex-safe
 * print file, manifest.json and a report out.
 *
 * Steps:
 *  1. check each valid row's question ids against the guide; give every
 *     valid row a unique, safe folder and an input hash (row data + kit
 *     config + content + templates + tool version, via `resourcesKey`);
 *  2. compare with the previous manifest: a row whose hash and files are
 *     unchanged is not rebuilt (unless `force`);
 *  3. send the rows to the builder (a worker pool) with a bounded window,
 *     take the results back in roster order, write each student's files
 *     atomically and stream their PDFs into print.pdf as they arrive;
 *  4. write manifest.json, report.json and report.txt.
 *
 * A bad row never stops the batch: it is reported and the rest are built.
 * No file system here: the caller passes a {@link BatchStore}.
 *
 * @example
 * const summary = await runBatch({ roster, rosterName: 'night.csv', guide, resourcesKey, tool, builder: pool, store, print: true });
 * process.exitCode = summary.exitCode;
 */
import { rowProblems } from './row-problems.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import { safeFileName } from '../kits/safe-file-name.js';
import { uniqueNames } from '../kits/unique-names.js';
import { canonicalJson, sha256Hex } from '../hash.js';
import {
  encodeManifest,
  MANIFEST_VERSION,
  readManifest,
  type Manifest,
  type ManifestFile,
  type ManifestRow,
  type PrintRange,
} from './manifest.js';
import { PrintFileWriter, type ByteSink } from './print-file.js';
import type { PrintFragment } from './print-fragment.js';
import { formatReportJson, formatReportText, rowWarnings, type BatchReport, type FailedRow, type RowWarning } from './report.js';
import { rowError, type Roster, type RosterRow, type RowError } from './roster-types.js';
import type { WorkerReply, WorkerTask } from './worker-protocol.js';

/** The batch folder, as the runner sees it. Paths use "/" and are relative to the folder. */
export interface BatchStore {
  /** A file's bytes, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** A file's size, or undefined when it does not exist. */
  size(path: string): Promise<number | undefined>;
  /** Writes files into `folder` ("" for the batch folder itself), each atomically (temporary name, then rename). */
  writeFiles(folder: string, files: readonly { name: string; bytes: Uint8Array }[]): Promise<void>;
  /** Opens a file to stream into; it appears under `path` only on commit, which returns its SHA-256. */
  openStream(path: string): Promise<StreamedFile>;
  /**
   * Deletes a file the batch wrote, only when it is a regular file inside the
   * batch folder whose SHA-256 is still `sha256` (nothing otherwise, or when it
   * is not there), then its folder if that is left empty.
   */
  remove(path: string, sha256: string): Promise<void>;
}

/** A file being streamed into the batch folder. */
export interface StreamedFile extends ByteSink {
  /** Moves the complete file into place; resolves with its SHA-256 (hex). */
  commit(): Promise<{ sha256: string }>;
  /** Removes the partial file. */
  abort(): Promise<void>;
}

/** Builds kits: a worker pool, or anything answering its tasks. */
export interface KitBuilder {
  /** Threads the builder runs on; sets how many tasks are kept in flight. */
  readonly size: number;
  run(task: WorkerTask, transfer?: ArrayBuffer[]): Promise<WorkerReply>;
  /** Called once every row is done, before the manifest and report are written (a pool stops its threads here). */
  release?(): Promise<void>;
}

/** Progress after each row, in roster order. */
export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly built: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly label: string;
  readonly student?: string;
  readonly status: 'built' | 'unchanged' | 'failed';
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  readonly roster: Roster;
  /** The roster as the user named it, for the report. */
  readonly rosterName: string;
  readonly guide: Guide;
  /** A hash of everything but the row that shapes the output: kit config, content, templates, formats, tool version. */
  readonly resourcesKey: string;
  /** Tool name and version, e.g. "interview-kit 0.1.0". */
  readonly tool: string;
  readonly builder: KitBuilder;
  readonly store: BatchStore;
  /** Make print.pdf from the students' PDFs (needs the pdf format). */
  readonly print: boolean;
  /** Blank pages so every document starts on a front side (default true). */
  readonly duplex?: boolean;
  /** Rebuild every row even when its input did not change. */
  readonly force?: boolean;
  readonly onProgress?: (progress: BatchProgress) => void;
}

/** What a batch did. */
export interface BatchSummary {
  readonly report: BatchReport;
  readonly manifest: Manifest;
  /** 0 when every row was built, 1 when any failed. */
  readonly exitCode: 0 | 1;
}

/** Name of the print file inside the batch folder. */
export const PRINT_FILE = 'print.pdf';

interface Job {
  readonly row: RosterRow;
  readonly interview: Interview;
  readonly folder: string;
  readonly inputHash: string;
  /** The previous manifest entry, when its output is still current. */
  readonly reuse?: ManifestRow;
}

type Outcome =
  | { kind: 'failed'; row: RosterRow; errors: RowError[] }
  | { kind: 'built'; job: Job; reply: Extract<WorkerReply, { ok: true }> }
  | { kind: 'unchanged'; job: Job; fragments: readonly PrintFragment[] };

/** Runs a batch; see the module comment for the steps. */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const { roster, store, builder } = options;
  const duplex = options.duplex ?? true;

  // 1. Question ids, folders and input hashes.
  const checked: { row: RosterRow; errors: RowError[] }[] = roster.rows.map((row) => ({ row, errors: rowProblems(row, options.guide) }));
  const valid = checked.filter((c) => c.errors.length === 0 && c.row.interview);
  const folders = uniqueNames(valid.map((c) => safeFileName(c.row.interview!.student.name)), 'student');
  const read = options.force ? undefined : await readPreviousManifest(store);
  const previous = read?.manifest;
  const previousRows = new Map((previous?.rows ?? []).map((r) => [r.folder, r]));
  const jobs = new Map<RosterRow, Job>();
  for (let i = 0; i < valid.length; i++) {
    const row = valid[i]!.row;
    const interview = row.interview!;
    const folder = folders[i]!;
    const inputHash = sha256Hex(`${options.resourcesKey}\n${canonicalJson(interview)}`);
    const before = previousRows.get(folder);
    const reuse = before && before.inputHash === inputHash && (await filesIntact(store, before.files)) ? before : undefined;
    jobs.set(row, { row, interview, folder, inputHash, ...(reuse ? { reuse } : {}) });
  }

  // 2. Is the print file still current?
  const printKey = sha256Hex(canonicalJson({ duplex, rows: [...jobs.values()].map((j) => [j.folder, j.inputHash]) }));
  const allReused = [...jobs.values()].every((j) => j.reuse);
  const printCurrent =
    options.print &&
    allReused &&
    previous?.print?.key === printKey &&
    (await store.size(PRINT_FILE)) === previous.print.bytes;
  const makePrint = options.print && !printCurrent && jobs.size > 0;

  // 3. Build in order with a bounded window.
  const stream = makePrint ? await store.openStream(PRINT_FILE) : undefined;
  const printer = stream ? new PrintFileWriter(stream, { duplex, title: `Print file: ${options.rosterName}` }) : undefined;
  const window = Math.max(2, builder.size * 2 + 2);
  const total = checked.length;
  let nextId = 1;
  const start = (index: number): Promise<Outcome> => {
    const { row, errors } = checked[index]!;
    const job = jobs.get(row);
    if (!job) return Promise.resolve({ kind: 'failed', row, errors });
    if (job.reuse) {
      if (!printer) return Promise.resolve({ kind: 'unchanged', job, fragments: [] });
      return fragmentsOf(job);
    }
    return buildJob(job);
  };
  const buildJob = async (job: Job): Promise<Outcome> => {
    const reply = await builder.run({ kind: 'build', id: nextId++, interview: job.interview });
    if (!reply.ok) return { kind: 'failed', row: job.row, errors: [buildError(job.row, reply.error)] };
    const errors = reply.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      return {
        kind: 'failed',
        row: job.row,
        // Positions in templates or content would be read as the roster's: keep the words only.
        errors: errors.map((d) => rowError(job.row.row, { severity: 'error', message: d.message, ...(d.field ? { field: d.field } : {}), hints: d.hints ?? [] })),
      };
    }
    return { kind: 'built', job, reply };
  };
  const fragmentsOf = async (job: Job): Promise<Outcome> => {
    const pdfs: Uint8Array[] = [];
    for (const file of job.reuse!.files) {
      if (!file.path.endsWith('.pdf')) continue;
      const bytes = await store.read(file.path);
      if (!bytes) return buildJob({ ...job, reuse: undefined });
      pdfs.push(bytes);
    }
    const reply = await builder.run({ kind: 'fragment', id: nextId++, pdfs }, pdfs.map((p) => p.buffer as ArrayBuffer));
    if (!reply.ok) return buildJob({ ...job, reuse: undefined });
    return { kind: 'unchanged', job, fragments: reply.fragments };
  };

  const manifestRows: ManifestRow[] = [];
  const failures: FailedRow[] = [];
  const warnings: RowWarning[] = [];
  let built = 0;
  let unchanged = 0;
  const inFlight: Promise<Outcome>[] = [];
  let dispatched = 0;
  let removed: string[] = [];
  let printEntry: Manifest['print'];
  try {
    for (let done = 0; done < total; done++) {
      while (dispatched < total && inFlight.length < window) inFlight.push(start(dispatched++));
      const outcome = await inFlight.shift()!;
      let status: BatchProgress['status'];
      let student: string | undefined;
      if (outcome.kind === 'failed') {
        status = 'failed';
        student = outcome.row.interview?.student.name ?? outcome.row.studentName;
        failures.push({ row: outcome.row.row, label: outcome.row.label, ...(student ? { student } : {}), errors: outcome.errors });
      } else if (outcome.kind === 'built') {
        status = 'built';
        built++;
        const { job, reply } = outcome;
        student = job.interview.student.name;
        await store.writeFiles(job.folder, reply.files);
        const files: ManifestFile[] = reply.files.map((f) => ({
          path: `${job.folder}/${f.name}`,
          student,
          ...(f.pages !== undefined ? { pages: f.pages } : {}),
          bytes: f.bytes.length,
          sha256: f.sha256,
        }));
        const pdfPaths = files.filter((f) => f.path.endsWith('.pdf')).map((f) => f.path);
        const print = printer ? await appendAll(printer, reply.fragments, pdfPaths) : undefined;
        const rowWarned = rowWarnings(job.row.row, job.row.label, student, reply.diagnostics);
        warnings.push(...rowWarned);
        const kept = rowWarned.map((w) => ({ message: w.message, hints: w.hints }));
        manifestRows.push({
          row: job.row.row,
          student,
          folder: job.folder,
          inputHash: job.inputHash,
          files,
          ...(print ? { print } : {}),
          ...(kept.length > 0 ? { warnings: kept } : {}),
        });
      } else {
        status = 'unchanged';
        unchanged++;
        const { job } = outcome;
        student = job.interview.student.name;
        const previousRow = job.reuse!;
        const pdfPaths = previousRow.files.filter((f) => f.path.endsWith('.pdf')).map((f) => f.path);
        const print = printer ? await appendAll(printer, outcome.fragments, pdfPaths) : previousRow.print;
        manifestRows.push({ ...previousRow, row: job.row.row, ...(print ? { print } : {}) });
        for (const w of previousRow.warnings ?? []) warnings.push({ row: job.row.row, label: job.row.label, student, message: w.message, hints: w.hints });
      }
      options.onProgress?.({
        done: done + 1,
        total,
        built,
        unchanged,
        failed: failures.length,
        label: outcome.kind === 'failed' ? outcome.row.label : outcome.job.row.label,
        ...(student ? { student } : {}),
        status,
      });
    }
    await builder.release?.();

    // 4. Students who left the roster: delete the files the previous manifest lists for them.
    const failedRows = checked.filter((c) => !jobs.has(c.row)).map((c) => c.row);
    removed = await removeLeavers(store, previous?.rows ?? [], failedRows, new Set(folders));

    // 5. Print file, manifest, report.
    if (printer && stream) {
      if (printer.pages === 0) {
        await stream.abort();
      } else {
        const result = await printer.finish();
        const { sha256 } = await stream.commit();
        printEntry = { path: PRINT_FILE, pages: result.pages, bytes: result.bytes, sha256, duplex, key: printKey };
      }
    } else if (printCurrent && previous?.print) {
      printEntry = previous.print;
    }
  } catch (error) {
    // Nothing half-written is left behind: the print file's temporary copy goes too.
    await stream?.abort();
    throw error;
  }
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    tool: options.tool,
    roster: options.rosterName,
    rows: manifestRows,
    ...(printEntry ? { print: printEntry } : {}),
    files: [
      ...manifestRows.flatMap((r) => r.files),
      ...(printEntry ? [{ path: printEntry.path, pages: printEntry.pages, bytes: printEntry.bytes, sha256: printEntry.sha256 }] : []),
    ],
  };
  const report: BatchReport = {
    roster: options.rosterName,
    rows: total,
    built,
    unchanged,
    failed: failures.length,
    ...(printEntry ? { printPages: printEntry.pages } : {}),
    ...(removed.length > 0 ? { removed } : {}),
    ...(read?.problem ? { manifestIgnored: read.problem } : {}),
    failures,
    warnings,
  };
  const encoder = new TextEncoder();
  await store.writeFiles('', [
    { name: 'manifest.json', bytes: encodeManifest(manifest) },
    { name: 'report.json', bytes: encoder.encode(formatReportJson(report)) },
    { name: 'report.txt', bytes: encoder.encode(formatReportText(report)) },
  ]);
  return { report, manifest, exitCode: failures.length > 0 ? 1 : 0 };
}

async function appendAll(printer: PrintFileWriter, fragments: readonly PrintFragment[], paths: readonly string[]): Promise<PrintRange[]> {
  const ranges: PrintRange[] = [];
  for (let i = 0; i < fragments.length; i++) {
    const placed = await printer.append(fragments[i]!);
    ranges.push({ path: paths[i] ?? `document-${i + 1}.pdf`, firstPage: placed.firstPage, lastPage: placed.lastPage, blankAfter: placed.blankAfter });
  }
  return ranges;
}

/**
 * Deletes the files of earlier rows whose student is no longer in the roster, and
 * returns those students. Only files the previous manifest lists are touched (a
 * folder is removed only when that leaves it empty), and a student whose row is
 * still there but failed validation this time keeps the earlier files.
 */
async function removeLeavers(
  store: BatchStore,
  previousRows: readonly ManifestRow[],
  failedRows: readonly RosterRow[],
  folders: ReadonlySet<string>,
): Promise<string[]> {
  const names = new Set<string>();
  for (const row of failedRows) {
    const name = row.interview?.student.name ?? row.studentName;
    if (name) names.add(name);
  }
  const removed: string[] = [];
  for (const row of previousRows) {
    if (folders.has(row.folder) || names.has(row.student)) continue;
    for (const file of row.files) await store.remove(file.path, file.sha256);
    removed.push(row.student);
  }
  return removed;
}

async function filesIntact(store: BatchStore, files: readonly ManifestFile[]): Promise<boolean> {
  for (const file of files) if ((await store.size(file.path)) !== file.bytes) return false;
  return true;
}

function buildError(row: RosterRow, message: string): RowError {
  return rowError(row.row, {
    severity: 'error',
    message: `the documents could not be built: ${message}`,
    hints: ['run `interview-kit build` on this row alone (as interview.yaml) with --debug to see why'],
  });
}

/** A manifest larger than this is not read (some 100,000 rows' worth). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

async function readPreviousManifest(store: BatchStore): Promise<ReturnType<typeof readManifest>> {
  const size = await store.size('manifest.json');
  if (size === undefined) return undefined;
  if (size > MAX_MANIFEST_BYTES) return { problem: `it is ${size} bytes, more than a manifest can be` };
  return readManifest(decode(await store.read('manifest.json')));
}

function decode(bytes: Uint8Array | undefined): string | undefined {
  return bytes ? new TextDecoder().decode(bytes) : undefined;
}

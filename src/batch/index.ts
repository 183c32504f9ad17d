/**
 * Career-office batches: a roster in, one kit per student, a duplex-safe
 * print file, a manifest and a report out. Free of Node APIs: the worker
 * threads that build the kits live in src/node (worker-pool.ts, batch-worker.ts).
 *
 * @example
 * const roster = parseRoster(text, 'night.csv', { minutes: 30 });
 * const summary = await runBatch({ roster, rosterName: 'night.csv', guide, resourcesKey, tool, builder, store, print: true });
 */
export { parseRoster, rosterFormatOf, rowErrorDiagnostic, ROSTER_FIELDS, columnLetter } from './roster.js';
export type { Roster, RosterRow, RowDefaults, RowError } from './roster.js';
export { runBatch, PRINT_FILE, type BatchOptions, type BatchProgress, type BatchStore, type BatchSummary, type KitBuilder, type StreamedFile } from './run-batch.js';
export { PrintFileWriter, MemorySink, type ByteSink, type PrintFileOptions, type PrintPlacement } from './print-file.js';
export { preparePrintFragment, PrintFragmentError, type PrintFragment } from './print-fragment.js';
export { readManifest, encodeManifest, MANIFEST_VERSION, type Manifest, type ManifestFile, type ManifestRow, type PrintRange } from './manifest.js';
export { formatReportJson, formatReportText, type BatchReport, type BatchReportJson, type ReportedRowError, type FailedRow, type RowWarning } from './report.js';
export type { WorkerSetup, WorkerTask, WorkerReply, BuiltFile } from './worker-protocol.js';

/**
 * One batch task, as a worker thread (src/node/batch-worker.ts) and the
 * browser edition (src/web/batch.ts) both run it: build a student's kit and
 * hash its files, or prepare the print fragments of PDFs a previous run
 * wrote. A built PDF's fragment comes from the document its writer has just
 * saved, not from reading the file again.
 *
 * @example
 * const reply = await runTask(task, { build: { guide, renderer, theme, fonts }, formats: ['pdf', 'docx'], print: true, sha256Hex });
 */
import { buildDocuments, type BuildOptions, type KitFormat } from '../pipeline.js';
import { preparePrintFragment, type PrintFragment } from './print-fragment.js';
import type { BuiltFile, WorkerReply, WorkerTask } from './worker-protocol.js';

/** What every task of a batch shares. */
export interface TaskContext {
  /** The options of every build: content, templates, look, fonts, compressor. */
  readonly build: BuildOptions;
  readonly formats: readonly KitFormat[];
  /** Prepare print fragments of the PDFs built. */
  readonly print: boolean;
  /** Lowercase hex SHA-256: of each file, and the key of fonts and images the print file stores once. */
  readonly sha256Hex: (bytes: Uint8Array) => string;
}

/** Runs one task. Errors are thrown; the caller turns them into a failed reply. */
export async function runTask(task: WorkerTask, context: TaskContext): Promise<WorkerReply> {
  const fragmentOptions = { shareKey: context.sha256Hex };
  const fragments: PrintFragment[] = [];
  if (task.kind === 'fragment') {
    for (const pdf of task.pdfs) fragments.push(await preparePrintFragment(pdf, fragmentOptions));
    return { id: task.id, ok: true, files: [], diagnostics: [], fragments };
  }
  const result = await buildDocuments([{ kind: 'kit', interview: task.interview, formats: context.formats }], context.build);
  const files: BuiltFile[] = result.files.map((f) => ({
    name: f.name,
    bytes: f.bytes,
    ...(f.pages !== undefined ? { pages: f.pages } : {}),
    sha256: context.sha256Hex(f.bytes),
  }));
  if (context.print) for (const f of result.files) if (f.pdf) fragments.push(await preparePrintFragment(f.pdf, fragmentOptions));
  return { id: task.id, ok: true, files, diagnostics: result.diagnostics, fragments };
}

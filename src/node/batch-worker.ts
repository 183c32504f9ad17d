/**
 * The batch worker thread: loads the guide, templates, theme and fonts once
 * (from workerData), then builds one student's kit per message and sends
 * the files back, with their hashes and print-file fragments. Bundled to
 * dist/batch-worker.js.
 */
import { createHash } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { nativeDeflate } from './native-deflate.js';
import { loadFallbackFace } from './assets.js';
import { buildDocuments } from '../pipeline.js';
import { createRenderer } from '../render/render.js';
import { preparePrintFragment, type PrintFragment } from '../batch/print-fragment.js';
import { replyTransferList, type BuiltFile, type WorkerReply, type WorkerSetup, type WorkerTask } from '../batch/worker-protocol.js';

const setup = workerData as WorkerSetup;
const renderer = createRenderer(setup.templates);
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Print fragments key shared fonts and images by the native SHA-256: some 100 KB a row. */
const fragmentOptions = { shareKey: sha256Hex };

async function handle(task: WorkerTask): Promise<WorkerReply> {
  if (task.kind === 'fragment') {
    const fragments: PrintFragment[] = [];
    for (const pdf of task.pdfs) fragments.push(await preparePrintFragment(pdf, fragmentOptions));
    return { id: task.id, ok: true, files: [], diagnostics: [], fragments };
  }
  const result = await buildDocuments([{ kind: 'kit', interview: task.interview, formats: setup.formats }], {
    guide: setup.guide,
    renderer,
    theme: setup.theme,
    fonts: { ...setup.fonts, loadFallback: loadFallbackFace },
    timestamp: setup.timestamp,
    deflate: nativeDeflate,
  });
  const files: BuiltFile[] = result.files.map((f) => ({
    name: f.name,
    bytes: f.bytes,
    ...(f.pages !== undefined ? { pages: f.pages } : {}),
    sha256: sha256Hex(f.bytes),
  }));
  const fragments: PrintFragment[] = [];
  if (setup.print) {
    for (const f of files) if (f.name.endsWith('.pdf')) fragments.push(await preparePrintFragment(f.bytes, fragmentOptions));
  }
  return { id: task.id, ok: true, files, diagnostics: result.diagnostics, fragments };
}

parentPort!.on('message', (task: WorkerTask) => {
  handle(task).then(
    (reply) => {
      const measured = { ...reply, heapUsed: getHeapStatistics().used_heap_size };
      parentPort!.postMessage(measured, replyTransferList(measured));
    },
    (error: unknown) =>
      parentPort!.postMessage({
        id: task.id,
        ok: false,
        error: (error as Error)?.message ?? String(error),
        heapUsed: getHeapStatistics().used_heap_size,
      } satisfies WorkerReply),
  );
});

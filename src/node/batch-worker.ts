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
import { createRenderer } from '../render/render.js';
import { runTask, type TaskContext } from '../batch/run-task.js';
import { replyTransferList, type WorkerReply, type WorkerSetup, type WorkerTask } from '../batch/worker-protocol.js';

const setup = workerData as WorkerSetup;
const context: TaskContext = {
  build: {
    guide: setup.guide,
    renderer: createRenderer(setup.templates),
    theme: setup.theme,
    fonts: { ...setup.fonts, loadFallback: loadFallbackFace },
    timestamp: setup.timestamp,
    deflate: nativeDeflate,
  },
  formats: setup.formats,
  print: setup.print,
  // Node's native SHA-256: some 100 KB of files and fonts a row.
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

parentPort!.on('message', (task: WorkerTask) => {
  runTask(task, context).then(
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

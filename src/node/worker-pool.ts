/**
 * A fixed pool of worker threads that run batch tasks. Tasks go to the first
 * idle worker; a worker that dies, or runs one task past the time limit,
 * fails only the task it held and is replaced. Node only (worker_threads).
 *
 * @example
 * const pool = new WorkerPool(new URL('./batch-worker.js', import.meta.url), 4, setup);
 * const reply = await pool.run({ kind: 'build', id: 1, interview });
 * await pool.close();
 */
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerSetup, WorkerTask } from '../batch/worker-protocol.js';

interface Pending {
  readonly task: WorkerTask;
  readonly transfer: ArrayBuffer[];
  readonly resolve: (reply: WorkerReply) => void;
}

interface Slot {
  worker: Worker;
  current?: Pending;
  /** Ends the current task when it runs past the time limit. */
  timer?: NodeJS.Timeout;
  /** Tasks this worker has answered. */
  done: number;
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * A module whose `register()` lets the worker import TypeScript (tsx's
   * `tsx/esm/api`), for running from sources; the bundled worker needs none.
   */
  readonly loader?: URL;
  /**
   * A worker whose V8 heap is above this many MB after a task is replaced by
   * a fresh one (default {@link DEFAULT_RECYCLE_HEAP_MB}), so that caches
   * which grow with every document cannot make memory grow with the roster.
   */
  readonly recycleHeapMb?: number;
  /**
   * A worker is also replaced after this many tasks (default
   * {@link DEFAULT_RECYCLE_TASKS}): over a long roster a worker's heap and
   * its thread's malloc arena grow slowly even when its live data does not,
   * and a fresh worker starts small again. Costs one worker start-up.
   */
  readonly recycleTasks?: number;
  /**
   * A task running longer than this many milliseconds fails with a message
   * and its worker is replaced (default {@link DEFAULT_TASK_TIMEOUT_MS}): a
   * row that hangs cannot hold up the batch.
   */
  readonly taskTimeoutMs?: number;
}

/** Time one task (one roster row) may take, in milliseconds: about a hundred times what a row needs. */
export const DEFAULT_TASK_TIMEOUT_MS = 60_000;

/** Tasks after which a worker is replaced. */
export const DEFAULT_RECYCLE_TASKS = 2000;

/**
 * Heap size after which a worker is replaced, in MB: above the four times its
 * live data that the heap reaches between full collections (see
 * {@link WORKER_OLD_GENERATION_MB}), so garbage alone does not restart a worker.
 */
export const DEFAULT_RECYCLE_HEAP_MB = 256;

/**
 * Old-generation limit of each worker, in MB. From 2 GB on, V8 lets a heap grow
 * to four times its live data (20–40 MB here) between full collections; below,
 * to under twice, which cost a 1,000-row batch about 30% more CPU time. Its
 * peak RSS is some 490 MB (330 MB at 192 MB), and 10,000 rows peak 1.2× that.
 */
export const WORKER_OLD_GENERATION_MB = 2048;

/** Runs {@link WorkerTask}s on up to `size` threads, started when first needed. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;
  /** Workers replaced because their heap grew past the limit or they reached their task count. */
  recycled = 0;
  private retiring = 0;

  constructor(
    private readonly script: URL,
    readonly size: number,
    private readonly setup: WorkerSetup,
    private readonly options: WorkerPoolOptions = {},
  ) {}

  /** Runs one task; resolves with its reply (never rejects: failures are `ok: false` replies). */
  run(task: WorkerTask, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.closed) return Promise.resolve({ id: task.id, ok: false, error: 'the worker pool is closed' });
    return new Promise((resolve) => {
      this.queue.push({ task, transfer, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker when the batch no longer needs them (same as {@link close}). */
  release(): Promise<void> {
    return this.close();
  }

  /** Stops every worker; later tasks fail. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    for (const pending of this.queue.splice(0)) pending.resolve({ id: pending.task.id, ok: false, error: 'the batch stopped' });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const loader = this.options.loader;
    // Functions do not cross to a thread: the fonts go without their fallback loader (the worker has its own).
    const { regular, bold, italic, boldItalic } = this.setup.fonts;
    const workerData: WorkerSetup = { ...this.setup, fonts: { regular, bold, italic, boldItalic } };
    const worker = loader
      ? new Worker(
          `import(${JSON.stringify(loader.href)}).then((m) => { m.register(); return import(${JSON.stringify(this.script.href)}); });`,
          { eval: true, workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } },
        )
      : new Worker(this.script, { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } });
    const slot: Slot = { worker, done: 0 };
    worker.on('message', (reply: WorkerReply) => {
      const pending = slot.current;
      slot.current = undefined;
      clearTimeout(slot.timer);
      pending?.resolve(reply);
      slot.done++;
      const limit = (this.options.recycleHeapMb ?? DEFAULT_RECYCLE_HEAP_MB) * 2 ** 20;
      if ((reply.heapUsed ?? 0) > limit || slot.done >= (this.options.recycleTasks ?? DEFAULT_RECYCLE_TASKS)) {
        // Retire it: leave the pool first, so its exit is not taken for a crash,
        // and start its successor only once it is gone, so two never overlap.
        this.slots.splice(this.slots.indexOf(slot), 1);
        this.recycled++;
        this.retiring++;
        void worker.terminate().finally(() => {
          this.retiring--;
          this.dispatch();
        });
      }
      this.dispatch();
    });
    const fail = (message: string) => {
      const pending = slot.current;
      slot.current = undefined;
      clearTimeout(slot.timer);
      pending?.resolve({ id: pending.task.id, ok: false, error: message });
      if (!this.closed) {
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots[index] = this.spawn();
        this.dispatch();
      }
    };
    worker.on('error', (error: Error) => fail(`the worker stopped: ${error.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) fail(`the worker exited with code ${code}`);
    });
    worker.unref();
    return slot;
  }

  /** Fails the task of a worker that ran past the limit, and replaces the worker. */
  private timeOut(slot: Slot, limit: number): void {
    const pending = slot.current;
    if (!pending || this.closed) return;
    slot.current = undefined;
    // Leave the pool first, so its exit is not taken for a crash.
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.retiring++;
    void slot.worker.terminate().finally(() => {
      this.retiring--;
      this.dispatch();
    });
    pending.resolve({ id: pending.task.id, ok: false, error: `it took longer than ${limit >= 1000 ? `${Math.round(limit / 1000)} seconds` : `${limit} ms`}, so it was stopped` });
  }

  private dispatch(): void {
    const idle = this.slots.filter((s) => !s.current).length;
    if (this.closed) return;
    for (let i = Math.min(this.queue.length - idle, this.size - this.slots.length - this.retiring); i > 0; i--) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current) continue;
      const pending = this.queue.shift()!;
      slot.current = pending;
      slot.worker.ref();
      const limit = this.options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
      slot.timer = setTimeout(() => this.timeOut(slot, limit), limit);
      slot.worker.postMessage(pending.task, pending.transfer);
    }
    for (const slot of this.slots) if (!slot.current) slot.worker.unref();
  }
}

import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/node/worker-pool.js';
import type { WorkerSetup } from '../../src/batch/worker-protocol.js';
import { readFontSet, readGuide, readTemplates } from '../../src/node/assets.js';
import { resolveTheme } from '../../src/theme.js';

const setup: WorkerSetup = {
  guide: await readGuide(),
  templates: readTemplates(),
  theme: resolveTheme(),
  fonts: readFontSet('noto-sans'),
  formats: ['pdf'],
  print: true,
};

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([612, 792]);
  return doc.save();
}

describe('WorkerPool', () => {
  it('replaces a worker whose heap grew past the limit and keeps answering tasks', async () => {
    const pool = new WorkerPool(new URL('../../src/node/batch-worker.ts', import.meta.url), 1, setup, {
      loader: new URL(import.meta.resolve('tsx/esm/api')),
      recycleHeapMb: 1,
    });
    try {
      const replies = [];
      for (let id = 1; id <= 3; id++) replies.push(await pool.run({ kind: 'fragment', id, pdfs: [await onePagePdf()] }));
      for (const reply of replies) {
        expect(reply.ok).toBe(true);
        if (reply.ok) expect(reply.fragments[0]!.pages).toBe(1);
        expect(reply.heapUsed).toBeGreaterThan(2 ** 20);
      }
      expect(pool.recycled).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker after its task count, even with a small heap', async () => {
    const pool = new WorkerPool(new URL('../../src/node/batch-worker.ts', import.meta.url), 1, setup, {
      loader: new URL(import.meta.resolve('tsx/esm/api')),
      recycleTasks: 2,
    });
    try {
      for (let id = 1; id <= 5; id++) {
        const reply = await pool.run({ kind: 'fragment', id, pdfs: [await onePagePdf()] });
        expect(reply.ok).toBe(true);
      }
      expect(pool.recycled).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('fails a task that runs past the time limit, replaces its worker, and answers every later task', async () => {
    const pool = new WorkerPool(new URL('../../src/node/batch-worker.ts', import.meta.url), 1, setup, {
      loader: new URL(import.meta.resolve('tsx/esm/api')),
      // Shorter than a worker takes to start: every task runs past it.
      taskTimeoutMs: 5,
    });
    try {
      const replies = await Promise.all([1, 2, 3].map(async (id) => pool.run({ kind: 'fragment', id, pdfs: [await onePagePdf()] })));
      expect(replies.map((r) => (r.ok ? 'ok' : r.error))).toEqual(Array(3).fill('it took longer than 5 ms, so it was stopped'));
    } finally {
      await pool.close();
    }
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MemorySink } from '../../src/batch/print-file.js';
import { preparePrintFragment } from '../../src/batch/print-fragment.js';
import { parseRoster } from '../../src/batch/roster.js';
import { runBatch, type BatchStore, type KitBuilder } from '../../src/batch/run-batch.js';
import type { WorkerReply, WorkerTask } from '../../src/batch/worker-protocol.js';
import { readFontSet, readGuide } from '../../src/node/assets.js';
import { runTool } from '../helpers/tools.js';

const guide = await readGuide();
const notoSans = readFontSet('noto-sans').regular;

const packets = new Map<string, Promise<Uint8Array>>();

/** A one-page PDF naming the student, in Noto Sans (made once per name). */
function packetOf(name: string): Promise<Uint8Array> {
  let packet = packets.get(name);
  if (!packet) {
    packet = (async () => {
      const doc = await PDFDocument.create({ updateMetadata: false });
      doc.registerFontkit(fontkit);
      const font = await doc.embedFont(notoSans, { subset: true });
      doc.addPage([612, 792]).drawText(`Packet of ${name}`, { x: 72, y: 700, size: 14, font });
      return doc.save();
    })();
    packets.set(name, packet);
  }
  return packet;
}

/** A builder that makes a one-page "packet" naming the student, and counts its tasks. */
function fakeBuilder(failFor?: string): KitBuilder & { builds: string[]; fragments: number } {
  const builder = {
    size: 2,
    builds: [] as string[],
    fragments: 0,
    async run(task: WorkerTask): Promise<WorkerReply> {
      if (task.kind === 'fragment') {
        builder.fragments += task.pdfs.length;
        return { id: task.id, ok: true, files: [], diagnostics: [], fragments: await Promise.all(task.pdfs.map((p) => preparePrintFragment(p))) };
      }
      const name = task.interview.student.name;
      builder.builds.push(name);
      if (name === failFor) return { id: task.id, ok: false, error: 'the layout ran out of glyphs' };
      const bytes = await packetOf(name);
      return {
        id: task.id,
        ok: true,
        files: [{ name: 'packet.pdf', bytes, pages: 1, sha256: createHash('sha256').update(bytes).digest('hex') }],
        diagnostics: [{ severity: 'warning', message: 'the questions need 25 minutes; the meeting has 20' }],
        fragments: [await preparePrintFragment(bytes)],
      };
    },
  };
  return builder;
}

function memoryStore(): BatchStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    async read(path) {
      return files.get(path);
    },
    async size(path) {
      return files.get(path)?.length;
    },
    async writeFiles(folder, list) {
      for (const f of list) files.set(folder ? `${folder}/${f.name}` : f.name, f.bytes);
    },
    async openStream(path) {
      const sink = new MemorySink();
      return {
        write: (bytes: Uint8Array) => sink.write(bytes),
        async commit() {
          files.set(path, sink.bytes());
          return { sha256: createHash('sha256').update(sink.bytes()).digest('hex') };
        },
        async abort() {},
      };
    },
    async remove(path) {
      files.delete(path);
    },
  };
}

const CSV = [
  'student.name,mentor.name,organization.name,questions.include',
  'Maya Patel,José Núñez,Acme,career-field',
  'Sam Lee,Pat Kim,Studio K,carrer-field',
  'Maya Patel,Ana Ruiz,Globex,',
  'Ελένη Ράλλη,Νίκος Ζήσης,Hellas,',
  '',
].join('\n');

const options = (builder: KitBuilder, store: BatchStore, extra: Partial<Parameters<typeof runBatch>[0]> = {}) => ({
  roster: parseRoster(CSV, 'night.csv'),
  rosterName: 'night.csv',
  guide,
  resourcesKey: 'resources-v1',
  tool: 'interview-kit test',
  builder,
  store,
  print: true,
  ...extra,
});

describe('runBatch', () => {
  it('reports an unknown question id and a failed build by row, and builds the rest', async () => {
    const store = memoryStore();
    const builder = fakeBuilder('Ελένη Ράλλη');
    const summary = await runBatch(options(builder, store));
    expect(summary.exitCode).toBe(1);
    expect(builder.builds).toEqual(['Maya Patel', 'Maya Patel', 'Ελένη Ράλλη']);
    expect(summary.report.failures.map((f) => [f.row, f.errors[0]!.field ?? null, f.errors[0]!.message])).toEqual([
      [3, 'questions.include', 'unknown question or group "carrer-field" in questions.include'],
      [5, null, 'the documents could not be built: the layout ran out of glyphs'],
    ]);
    expect(summary.report.failures[0]!.errors[0]!.hints).toEqual(['did you mean "career-field"?']);
    expect(summary.report.warnings).toHaveLength(2);
  });

  it('gives two students of the same name their own folders', async () => {
    const store = memoryStore();
    const summary = await runBatch(options(fakeBuilder(), store));
    expect(summary.manifest.rows.map((r) => r.folder)).toEqual(['maya-patel', 'maya-patel-2', 'eleni-ralli']);
    expect(store.files.has('maya-patel-2/packet.pdf')).toBe(true);
  });

  it('adds a blank page after each one-page packet in duplex and remakes only the print file when --simplex changes', async () => {
    const store = memoryStore();
    await runBatch(options(fakeBuilder(), store));
    const duplex = join(mkdtempSync(join(tmpdir(), 'ik-run-')), 'print.pdf');
    writeFileSync(duplex, store.files.get('print.pdf')!);
    expect(runTool('pdfinfo', [duplex], { encoding: 'utf8' })).toMatch(/Pages:\s+6\b/);
    expect(runTool('pdftotext', ['-f', '5', '-l', '5', duplex, '-'], { encoding: 'utf8' })).toContain('Packet of Ελένη Ράλλη');

    const again = fakeBuilder();
    const summary = await runBatch(options(again, store, { duplex: false }));
    expect(again.builds).toEqual([]);
    expect(again.fragments).toBe(3);
    expect(summary.report).toMatchObject({ built: 0, unchanged: 3, printPages: 3 });
    expect(summary.manifest.rows.map((r) => r.print![0]!.firstPage)).toEqual([1, 2, 3]);
  });

  it('deletes the files of students who left the roster, but keeps those of a student whose row now fails', async () => {
    const store = memoryStore();
    await runBatch(options(fakeBuilder(), store));
    expect(store.files.has('maya-patel-2/packet.pdf')).toBe(true);
    expect(store.files.has('eleni-ralli/packet.pdf')).toBe(true);
    // The second Maya Patel leaves; Ελένη's row now fails (no mentor).
    const lines = CSV.split('\n').filter((line) => !line.includes('Ana Ruiz')).map((line) => line.replace('Νίκος Ζήσης', ''));
    const next = await runBatch({ ...options(fakeBuilder(), store), roster: parseRoster(lines.join('\n'), 'night.csv') });
    expect(store.files.has('maya-patel-2/packet.pdf')).toBe(false);
    expect(store.files.has('maya-patel/packet.pdf')).toBe(true);
    expect(store.files.has('eleni-ralli/packet.pdf')).toBe(true);
    expect(next.report.removed).toEqual(['Maya Patel']);
    expect(next.manifest.rows.map((r) => r.folder)).toEqual(['maya-patel']);
    expect(new TextDecoder().decode(store.files.get('report.txt'))).toContain('No longer in the roster (their files were deleted): Maya Patel');
  });

  it('rebuilds a row whose files vanished, and every row when the resources change', async () => {
    const store = memoryStore();
    await runBatch(options(fakeBuilder(), store));
    store.files.delete('maya-patel-2/packet.pdf');
    const one = fakeBuilder();
    await runBatch(options(one, store));
    expect(one.builds).toEqual(['Maya Patel']);
    const all = fakeBuilder();
    await runBatch(options(all, store, { resourcesKey: 'resources-v2' }));
    expect(all.builds).toHaveLength(3);
  });
});

/**
 * `npm run bench`: speed of the packet pipeline, each number next to its
 * floor measured in the same run, in turn with it round by round, so the
 * ratios hold on a noisy machine.
 *
 *  - cold `interview-kit build` of the example (a new process, as a user runs it)
 *    next to `node -e 0` (the cost of starting Node at all);
 *  - per packet PDF over 50 packets: our writePdf (layout + embedded Noto font)
 *    and the whole pipeline (view, render, parse, write), next to pdf-lib drawing
 *    the same pre-wrapped lines with StandardFonts.Helvetica and no layout logic;
 *    and writePdf of the same packet for a student with a Chinese, an Arabic name;
 *  - per packet DOCX over 50 packets: our writeDocx and the whole pipeline
 *    next to the `docx` package building the same paragraphs with no
 *    template work; and, to tell docx's own cost from ours, docx building
 *    and packing the packet's whole document (tables, lists, check boxes,
 *    styles) from the finished tree;
 *  - the career-office batch (bench/batch.mjs): 1,000 rows with two worker
 *    threads, and 10,000 rows to show that peak memory does not grow with
 *    the roster;
 *  - the browser edition (bench/web.ts): first load, edit → preview, page weight.
 * Each line ends with its budget (issue 12's "Keep" list) and ok or OVER.
 *
 * `npm run bench -- --quick` (under 90 s) leaves out the 10,000-row batch and
 * takes fewer samples: a quick check after a change.
 *
 * Our writers run as the CLI runs them, with Node's zlib; the floors use
 * what pdf-lib and docx use by themselves.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, TextRun, HeadingLevel } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { readFontSet, readGuide, readTemplates, packageRoot } from '../src/node/assets.js';
import { nativeDeflate as deflate } from '../src/node/native-deflate.js';
import { renderKitMarkdown } from '../src/kits/build-documents.js';
import { parseMarkdown } from '../src/parse/parse-markdown.js';
import { loadInterview } from '../src/load/load-interview.js';
import { buildDocuments } from '../src/pipeline.js';
import { createRenderer } from '../src/render/render.js';
import { resolveTheme } from '../src/theme.js';
import type { Block, Inline, Root } from '../src/tree/types.js';
import { createDocxDocument, writeDocx } from '../src/write/docx/index.js';
import { createFontMetrics, layoutDocument, parseFontSet, writePdf } from '../src/write/pdf/index.js';
import { readFileSync } from 'node:fs';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 20 : 50;
/** Cold runs of each command line measured. */
const COLD_RUNS = quick ? 5 : 11;
const example = join(packageRoot, 'content', 'examples', 'maya.yaml');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Running a function this many times first lets V8 optimise the code it runs:
 * with 5, a quick run's median still held the pipeline's first, unoptimised
 * calls (about twice the steady time of a packet).
 */
const WARM_UP = 30;

/**
 * Median milliseconds of each function, measured in turn round after round
 * (floor, then ours, then the floor again …) after a warm-up, so that a
 * change in the machine's load moves a measurement and its floor alike.
 */
async function timeTogether<K extends string>(fns: Record<K, () => Promise<unknown> | unknown>, rounds = ROUNDS): Promise<Record<K, number>> {
  const entries = Object.entries(fns) as [K, () => Promise<unknown> | unknown][];
  for (let i = 0; i < WARM_UP; i++) for (const [, fn] of entries) await fn();
  (globalThis as { gc?: () => void }).gc?.();
  const samples = new Map<K, number[]>(entries.map(([key]) => [key, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [key, fn] of entries) {
      const start = performance.now();
      await fn();
      samples.get(key)!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(entries.map(([key]) => [key, median(samples.get(key)!)])) as Record<K, number>;
}

function spawnMs(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: packageRoot, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stderr}`);
  return ms;
}

/** "ok" when `value` is within `limit`, else "OVER". */
const verdict = (value: number, limit: number) => (value <= limit ? 'ok' : 'OVER');

/** A measurement next to its floor, the ratio, and the ratio's budget when it has one. */
const row = (label: string, ms: number, floorLabel: string, floor: number, budget?: number, note = '') =>
  `${label.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms   ${floorLabel.padEnd(30)} ${floor.toFixed(1).padStart(7)} ms   ratio ${(ms / floor).toFixed(2).padStart(5)}×` +
  `${budget === undefined ? '' : `   budget ≤ ${budget}×: ${verdict(ms / floor, budget)}`}${note ? `   ${note}` : ''}`;

/** The Helvetica floor: the same pre-wrapped lines, boxes and rules, drawn with no layout logic. */
async function helveticaFloor(layout: ReturnType<typeof layoutDocument>): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  const boldItalic = await doc.embedFont(StandardFonts.HelveticaBoldOblique);
  const fonts = { regular, bold, italic, boldItalic };
  const winAnsi = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff–—‘’“”•…·]/g, '?');
  for (const page of layout.pages) {
    const p = doc.addPage([layout.pageWidth, layout.pageHeight]);
    const H = layout.pageHeight;
    for (const box of page.boxes) {
      if (box.kind === 'text') p.drawText(winAnsi(box.text), { x: box.x, y: H - box.y, size: box.size, font: fonts[box.font], color: rgb(0, 0, 0) });
      else if (box.kind === 'line') p.drawLine({ start: { x: box.x1, y: H - box.y1 }, end: { x: box.x2, y: H - box.y2 }, thickness: box.thickness, color: rgb(0.7, 0.7, 0.7) });
      else if (box.kind === 'rect') p.drawRectangle({ x: box.x, y: H - box.y - box.height, width: box.width, height: box.height, color: rgb(0.95, 0.95, 0.95) });
      else if (box.kind === 'checkbox') p.drawRectangle({ x: box.x, y: H - box.y - box.size, width: box.size, height: box.size, borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
    }
  }
  return doc.save();
}

function plain(children: readonly Inline[]): string {
  return children.map((c) => (c.type === 'text' ? c.value : c.type === 'break' ? '\n' : plain(c.children))).join('');
}

/** Every paragraph of text in the tree, in order, with heading levels. */
function paragraphsOf(blocks: readonly Block[], out: { text: string; heading?: 1 | 2 | 3 }[] = []) {
  for (const b of blocks) {
    if (b.type === 'heading') out.push({ text: plain(b.children), heading: b.depth });
    else if (b.type === 'paragraph' || b.type === 'checkbox') out.push({ text: plain(b.children) });
    else if (b.type === 'list') for (const item of b.children) paragraphsOf(item.children, out);
    else if (b.type === 'callout') paragraphsOf(b.children, out);
    else if (b.type === 'table') for (const r of b.rows) out.push({ text: r.map((c) => plain(c.children)).join('\t') });
    else if (b.type === 'answerLines') for (let i = 0; i < b.count; i++) out.push({ text: '' });
  }
  return out;
}

/** The docx floor: the same paragraphs, with no template work, styles or numbering of ours. */
async function docxFloor(tree: Root): Promise<Uint8Array> {
  const headings = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const children = paragraphsOf(tree.children).map(
    (p) => new Paragraph({ children: [new TextRun(p.text)], ...(p.heading ? { heading: headings[p.heading] } : {}) }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function main(): Promise<void> {
  console.log(`interview-kit bench${quick ? ' --quick' : ''} — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${ROUNDS} rounds (median)\n`);

  // Cold start: a new process each time, as a student runs it.
  const out = join(packageRoot, 'out', 'bench');
  const cold: number[] = [];
  const coldBranded: number[] = [];
  const nodeOnly: number[] = [];
  const kit = join(packageRoot, 'content', 'examples', 'kit.yaml');
  for (let i = 0; i < COLD_RUNS; i++) {
    nodeOnly.push(spawnMs(['-e', '0']));
    cold.push(spawnMs(['bin/interview-kit.js', 'build', example, '--out', out]));
    coldBranded.push(spawnMs(['bin/interview-kit.js', 'build', example, '--out', out, '--config', kit]));
  }
  const fastest = (runs: number[]) => `fastest ${Math.min(...runs).toFixed(0)} ms`;
  console.log(row('cold build (5 files, new process)', median(cold), 'node -e 0', median(nodeOnly), 7, fastest(cold)));
  console.log(row('cold build with kit.yaml (branded)', median(coldBranded), 'node -e 0', median(nodeOnly), undefined, fastest(coldBranded)));

  const text = readFileSync(example, 'utf8');
  const interview = loadInterview(text, example).value!;
  const guide = await readGuide();
  const renderer = createRenderer(readTemplates());
  const theme = resolveTheme();
  const fontSet = readFontSet(theme.fontFamily);
  const [packet] = renderKitMarkdown(interview, guide, renderer, ['packet']).documents;
  const tree = parseMarkdown(packet!.markdown, packet!.meta);
  const layout = layoutDocument(tree, theme, createFontMetrics(parseFontSet(fontSet)));

  // The same packet for students whose names need a fallback face (and, for Arabic, shaping and bidi).
  const otherTree = (name: string) => {
    const other = loadInterview(text.replace('name: Maya Patel', `name: ${name}`), example).value!;
    const [doc] = renderKitMarkdown(other, guide, renderer, ['packet']).documents;
    return parseMarkdown(doc!.markdown, doc!.meta);
  };
  const cjk = otherTree('陈美玲');
  const arabic = otherTree('محمد أحمد');
  const pdf = await timeTogether({
    floor: () => helveticaFloor(layout),
    ours: () => writePdf(tree, { theme, fonts: fontSet, forms: false, deflate }),
    forms: () => writePdf(tree, { theme, fonts: fontSet, forms: true, deflate }),
    pipeline: () => buildDocuments([{ kind: 'kit', interview, formats: ['pdf'], documents: ['packet'] }], { guide, renderer, theme, fonts: fontSet, deflate }),
    cjk: () => writePdf(cjk, { theme, fonts: fontSet, forms: false, deflate }),
    arabic: () => writePdf(arabic, { theme, fonts: fontSet, forms: false, deflate }),
  });
  console.log(`\npacket: ${layout.pages.length} pages, ${layout.pages.reduce((n, p) => n + p.boxes.filter((b) => b.kind === 'text').length, 0)} text runs`);
  const helvetica = 'pdf-lib + Helvetica, prewrapped';
  console.log(row('PDF writePdf (Noto, subset)', pdf.ours, helvetica, pdf.floor, 1.0));
  console.log(row('PDF writePdf + fillable fields', pdf.forms, helvetica, pdf.floor, undefined, '(fillable answer fields and check boxes)'));
  console.log(row('PDF whole pipeline (view→PDF)', pdf.pipeline, helvetica, pdf.floor, 1.5));
  console.log(row('PDF writePdf, CJK name', pdf.cjk, helvetica, pdf.floor, 3));
  console.log(row('PDF writePdf, Arabic name', pdf.arabic, helvetica, pdf.floor, 3));

  const docx = await timeTogether({
    floor: () => docxFloor(tree),
    ours: () => writeDocx(tree, { theme, deflate }),
    pipeline: () => buildDocuments([{ kind: 'kit', interview, formats: ['docx'], documents: ['packet'] }], { guide, renderer, theme, fonts: fontSet, deflate }),
    // docx itself, building and packing the packet's own document (its tables, lists, check
    // boxes, styles and footer) from the finished tree: what docx costs for this document.
    docxOwn: () => Packer.pack(createDocxDocument(tree, theme), 'uint8array'),
  });
  console.log(row('DOCX writeDocx', docx.ours, 'docx, same paragraphs', docx.floor));
  console.log(row('DOCX whole pipeline (view→DOCX)', docx.pipeline, 'docx, same paragraphs', docx.floor, 1.5));
  console.log(row('DOCX: docx for the same document', docx.docxOwn, 'docx, same paragraphs', docx.floor, undefined, '(docx objects + Packer, no tree work)'));
  console.log(row('DOCX whole pipeline (view→DOCX)', docx.pipeline, 'docx, same document', docx.docxOwn, undefined, '(what the pipeline adds to docx)'));

  // The career office's batch: 1,000 rows on two worker threads, and (without
  // --quick) a longer roster to show that peak memory does not grow with its
  // length (BENCH_ROWS / BENCH_COMPARE_ROWS).
  const rows = Number(process.env.BENCH_ROWS ?? 1000);
  const compareRows = quick ? 0 : Number(process.env.BENCH_COMPARE_ROWS ?? 10000);
  const { benchBatch, formatBatchBench } = (await import(pathToFileURL(join(packageRoot, 'bench', 'batch.mjs')).href)) as {
    benchBatch: (o: { rows: number; compareRows?: number; jobs?: number }) => Promise<BatchBench>;
    formatBatchBench: (r: BatchBench) => string;
  };
  const batch = await benchBatch({ rows, compareRows: compareRows > 0 ? compareRows : undefined, jobs: 2 });
  console.log('');
  console.log(formatBatchBench(batch));
  if (rows === 1000) console.log(`batch 1,000 rows budget < 30 s with --jobs 2: ${verdict(batch.seconds, 30)}`);
  if (batch.memoryRatio !== undefined) console.log(`peak memory budget ≤ 1.3× the 1,000-row figure: ${verdict(batch.memoryRatio, 1.3)}`);

  // The browser edition, through Playwright (bench/web.ts).
  const { benchWeb, formatWebBench } = await import('./web.js');
  console.log('');
  console.log(formatWebBench(await benchWeb(quick ? { loads: 3, edits: 7 } : {}), verdict));
}

/** What bench/batch.mjs reports. */
interface BatchBench {
  readonly seconds: number;
  readonly memoryRatio?: number;
}

await main();

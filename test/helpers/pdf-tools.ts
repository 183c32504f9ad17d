/** Reading PDFs the way real clients do: poppler's pdftotext, pdfinfo and pdftoppm. */
import { runTool } from './tools.js';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF (or of pages first..last), as pdftotext extracts it. */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return runTool('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** pdfinfo's fields as a map. */
export function pdfInfo(file: string): Record<string, string> {
  const out = runTool('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** One word of pdftotext -bbox output, in points from the top-left. */
export interface WordBox {
  readonly page: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly text: string;
}

/** Every word of the PDF with its box. */
export function pdfWordBoxes(file: string): WordBox[] {
  const html = runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page += 1;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) words.push({ page, pageWidth, pageHeight, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: w[5]! });
  }
  return words;
}

/**
 * Renders page `page` in grey at low resolution and returns the share of
 * pixels that are dark (ink). A page whose text failed to draw is ~0.
 */
export function inkRatio(file: string, page: number, box?: { top: number; bottom: number }): number {
  const dir = mkdtempSync(join(tmpdir(), 'ik-ppm-'));
  runTool('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), file, join(dir, 'p')]);
  const name = readdirSync(dir).find((f) => f.endsWith('.pgm'))!;
  const data = readFileSync(join(dir, name));
  // P5 header: "P5\n<w> <h>\n<max>\n"
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = data.subarray(header[0].length);
  const from = Math.floor((box?.top ?? 0) * height);
  const to = Math.ceil((box?.bottom ?? 1) * height);
  let dark = 0;
  for (let y = from; y < to; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x]! < 128) dark++;
  return dark / (width * (to - from));
}

/**
 * Shared helpers of the PDF writer's tests: the bundled fonts, the sample
 * tree, real PDF clients (poppler, qpdf, mupdf) and a small PNG reader.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzlibSync } from 'fflate';
import type { AnswerLines, Block, Heading, Inline, List, Paragraph, Root } from '../../src/tree/types.js';
import type { FontSet } from '../../src/write/pdf/index.js';
import { createFontMetrics, parseFontSet, type Metrics } from '../../src/write/pdf/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Noto faces, loaded the way the CLI loads them. */
export function loadNotoFonts(family: 'noto-sans' | 'noto-serif' = 'noto-sans'): FontSet {
  const stem = family === 'noto-sans' ? 'NotoSans' : 'NotoSerif';
  const face = (dir: string, file: string): Uint8Array =>
    readFileSync(join(root, 'node_modules', '@expo-google-fonts', family, dir, `${stem}_${file}.ttf`));
  return {
    regular: face('400Regular', '400Regular'),
    bold: face('700Bold', '700Bold'),
    italic: face('400Regular_Italic', '400Regular_Italic'),
    boldItalic: face('700Bold_Italic', '700Bold_Italic'),
  };
}

/** Fonts parsed once for the whole test file. */
export const fonts: FontSet = loadNotoFonts();

/** Metrics over the bundled Noto Sans. */
export function notoMetrics(): Metrics {
  return createFontMetrics(parseFontSet(fonts));
}

/** A fixture of this folder. */
export function fixturePath(name: string): string {
  return join(root, 'test', 'fixtures', 'pdf', name);
}

/** The sample document: every node type, long words and URLs, Greek, Cyrillic, accents. */
export function loadSampleTree(): Root {
  return JSON.parse(readFileSync(fixturePath('sample-tree.json'), 'utf8')) as Root;
}

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ik-pdf-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Runs a command and returns its exit status and output. */
export function run(command: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A decoded 8-bit PNG: `channels` samples per pixel, rows top to bottom. */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly pixels: Uint8Array;
}

/** Decodes a non-interlaced 8-bit grey/RGB/RGBA PNG (what pdftoppm writes). */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const depth = data[8]!;
      const colorType = data[9]!;
      if (depth !== 8 || data[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, interlace ${data[12]})`);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType] ?? 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${colorType}`);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const compressed = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of idat) {
    compressed.set(chunk, at);
    at += chunk.length;
  }
  const raw = unzlibSync(compressed);
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) value += paeth(left, up, upLeft);
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Number of pixels darker than `threshold` (0–255 luminance) inside a rectangle of the image. */
export function countDarkPixels(
  png: DecodedPng,
  area = { x: 0, y: 0, width: png.width, height: png.height },
  threshold = 128,
): number {
  let dark = 0;
  const x0 = Math.max(0, Math.floor(area.x));
  const y0 = Math.max(0, Math.floor(area.y));
  const x1 = Math.min(png.width, Math.ceil(area.x + area.width));
  const y1 = Math.min(png.height, Math.ceil(area.y + area.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * png.channels;
      const luminance =
        png.channels >= 3 ? 0.299 * png.pixels[i]! + 0.587 * png.pixels[i + 1]! + 0.114 * png.pixels[i + 2]! : png.pixels[i]!;
      if (luminance < threshold) dark++;
    }
  }
  return dark;
}

/** Tree builders for small test documents. */
export const build = {
  root(children: Block[], title = 'Test document'): Root {
    return { type: 'root', meta: { title, author: 'Test Author', language: 'en-US', footer: 'Test footer' }, children };
  },
  text(value: string): Inline {
    return { type: 'text', value };
  },
  paragraph(value: string): Paragraph {
    return { type: 'paragraph', children: [{ type: 'text', value }] };
  },
  heading(depth: 1 | 2 | 3, value: string): Heading {
    return { type: 'heading', depth, id: value.toLowerCase().replace(/\W+/g, '-'), children: [{ type: 'text', value }] };
  },
  lines(count: number, name?: string): AnswerLines {
    return name ? { type: 'answerLines', count, name } : { type: 'answerLines', count };
  },
  /** A numbered list of questions, each with its ruled answer space named `q<n>`. */
  questions(texts: readonly string[], count = 4): List {
    return {
      type: 'list',
      ordered: true,
      start: 1,
      children: texts.map((text, i) => ({
        type: 'listItem',
        children: [build.paragraph(text), build.lines(count, `q${i + 1}`)],
      })),
    };
  },
};

/** "word word word …" with `n` words, for filler paragraphs. */
export function words(n: number, word = 'filler'): string {
  return Array.from({ length: n }, (_, i) => `${word}${i % 7 === 6 ? ',' : ''}`).join(' ');
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MemorySink, PrintFileWriter } from '../../src/batch/print-file.js';
import { preparePrintFragment } from '../../src/batch/print-fragment.js';
import { loadFallbackFace, readFontSet } from '../../src/node/assets.js';
import { buildDocuments } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { bundledGuide, bundledTemplates, exampleInterview } from '../helpers/kit.js';
import { runTool } from '../helpers/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'ik-print-'));
const font = readFontSet('noto-sans').regular;

/** A PDF of `pages` pages, each saying "<name> page N", in an embedded TrueType font, with a form field. */
async function makePdf(name: string, pages: number, size: [number, number] = [612, 792], objectStreams = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const embedded = await doc.embedFont(font, { subset: false });
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(size);
    page.drawText(`${name} page ${i}`, { x: 72, y: size[1] - 72, size: 14, font: embedded });
    page.drawText('plain', { x: 72, y: 72, size: 9, font: helvetica });
  }
  doc.getForm().createTextField(`${name}-notes`).addToPage(doc.getPage(0), { x: 72, y: 200, width: 200, height: 40 });
  return doc.save({ useObjectStreams: objectStreams });
}

/**
 * The same PDF with one `/Length n` replaced by a reference to a new object
 * holding n, appended as an incremental update (so offsets stay valid).
 */
function withIndirectLength(pdf: Uint8Array, at: number, match: string): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf);
  const n = Number(match.slice('/Length '.length));
  const size = Number(/\/Size (\d+)/.exec(text)![1]);
  const ref = `${size} 0 R`.padEnd(match.length - '/Length '.length, ' ');
  if (ref.length !== match.length - '/Length '.length) throw new Error('length too short to replace');
  const patched = text.slice(0, at) + `/Length ${ref}` + text.slice(at + match.length);
  const objOffset = patched.length;
  const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
  const prevXref = Number(/startxref\s+(\d+)/.exec(text)![1]);
  const update =
    `${size} 0 obj\n${n}\nendobj\n` +
    `xref\n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1} /Root ${root} /Prev ${prevXref}>>\nstartxref\n${objOffset + `${size} 0 obj\n${n}\nendobj\n`.length}\n%%EOF\n`;
  return Uint8Array.from(patched + update, (c) => c.charCodeAt(0));
}

async function combine(pdfs: Uint8Array[], duplex: boolean) {
  const sink = new MemorySink();
  const writer = new PrintFileWriter(sink, { duplex, title: 'Ελένη’s night' });
  const placements = [];
  for (const pdf of pdfs) placements.push(await writer.append(await preparePrintFragment(pdf)));
  const result = await writer.finish();
  const file = join(dir, `print-${duplex ? 'duplex' : 'simplex'}.pdf`);
  writeFileSync(file, sink.bytes());
  return { file, placements, result, bytes: sink.bytes() };
}

const pageText = (file: string, page: number) =>
  runTool('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).trim();

describe('PrintFileWriter', () => {
  it('starts every document on a front side in duplex mode, adding a blank page after odd ones', async () => {
    const pdfs = [await makePdf('Alpha', 3), await makePdf('Beta', 2), await makePdf('Gamma', 1, [595.28, 841.89])];
    const { file, placements, result } = await combine(pdfs, true);
    expect(placements.map((p) => [p.firstPage, p.lastPage, p.blankAfter])).toEqual([
      [1, 3, true],
      [5, 6, false],
      [7, 7, true],
    ]);
    expect(result.pages).toBe(8);
    for (const p of placements) expect(p.firstPage % 2).toBe(1);
    expect(runTool('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    expect(runTool('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+8\b/);
    expect(pageText(file, 1)).toContain('Alpha page 1');
    expect(pageText(file, 3)).toContain('Alpha page 3');
    expect(pageText(file, 4)).toBe('');
    expect(pageText(file, 5)).toContain('Beta page 1');
    expect(pageText(file, 7)).toContain('Gamma page 1');
    // The blank after Gamma has Gamma's A4 size.
    expect(runTool('pdfinfo', ['-f', '8', '-l', '8', file], { encoding: 'utf8' })).toMatch(/Page\s+8 size:\s+595\.2\d? x 841\.8\d?/);
  });

  it('adds no blank pages in simplex mode', async () => {
    const pdfs = [await makePdf('Alpha', 3), await makePdf('Beta', 1)];
    const { file, placements, result } = await combine(pdfs, false);
    expect(result.pages).toBe(4);
    expect(placements.map((p) => p.blankAfter)).toEqual([false, false]);
    expect(pageText(file, 4)).toContain('Beta page 1');
  });

  it('stores a font file shared by many documents once, and every page still draws', async () => {
    const one = await makePdf('Solo', 1);
    const pdfs = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => makePdf(n, 1)));
    const { file, bytes } = await combine(pdfs, false);
    // Five documents each embedding the same 600 KB font cost about as much as one.
    expect(bytes.length).toBeLessThan(one.length * 1.5);
    const draw = runTool('mutool', ['draw', '-o', '/dev/null', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(draw).not.toMatch(/cannot render glyph|error/i);
    expect(pageText(file, 5)).toContain('E page 1');
    expect(runTool('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSans-Regular/);
  });

  it('reads PDFs with a classic cross-reference table, incremental updates and indirect stream lengths', async () => {
    const classic = await makePdf('Classic', 2, [612, 792], false);
    const text = new TextDecoder('latin1').decode(classic);
    const m = /\/Length (\d{6,})/.exec(text)!;
    const { file, result } = await combine([classic, withIndirectLength(classic, m.index, m[0])], true);
    expect(result.pages).toBe(4);
    expect(pageText(file, 2)).toContain('Classic page 2');
    expect(pageText(file, 3)).toContain('Classic page 1');
    expect(runTool('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('keeps the widget of a form field on its page but leaves out the form definition', async () => {
    const { file } = await combine([await makePdf('Form', 1)], false);
    expect(runTool('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const qdf = runTool('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 2 ** 20 });
    expect(qdf).toMatch(/\/Subtype \/Widget/);
    expect(qdf).not.toMatch(/\/AcroForm/);
  });

  it('refuses bytes that are not a PDF, saying how to recover', async () => {
    await expect(preparePrintFragment(new TextEncoder().encode('not a pdf'))).rejects.toThrow(/not a readable PDF.*--force/);
  });

  it('writes the same bytes for the same documents', async () => {
    const pdfs = [await makePdf('Alpha', 2)];
    const a = await combine(pdfs, true);
    const b = await combine(pdfs, true);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(readFileSync(a.file).length).toBe(a.result.bytes);
  });
});

describe('preparePrintFragment', () => {
  it('gives the same fragment from the document writePdf has just saved as from its file', async () => {
    // A branded kit (a logo image), fillable fields (appearance streams pdf-lib encodes) and a name in two scripts.
    const logo = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAAH/8RKLnAAAAABJRU5ErkJggg==', 'base64'));
    const theme = resolveTheme({ office: { name: 'Career Center', contact: ['careers@example.edu'], logo: { bytes: logo, type: 'png' } } });
    const maya = exampleInterview('maya.yaml');
    const interview = { ...maya, student: { ...maya.student, name: 'Maya 陈 Patel' } };
    const { files } = await buildDocuments([{ kind: 'kit', interview, formats: ['pdf'] }], {
      guide: bundledGuide(),
      renderer: createRenderer(bundledTemplates()),
      theme,
      fonts: { ...readFontSet(theme.fontFamily), loadFallback: loadFallbackFace },
    });
    expect(files.map((f) => f.name)).toEqual(['packet.pdf', 'questions.pdf']);
    for (const file of files) {
      const fromDocument = await preparePrintFragment(file.pdf!);
      const fromFile = await preparePrintFragment(file.bytes);
      expect(fromDocument.pages).toBeGreaterThan(1);
      expect(fromDocument).toEqual(fromFile);
    }
  });
});

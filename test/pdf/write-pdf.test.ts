import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFCheckBox, PDFDict, PDFDocument, PDFName, PDFString, PDFTextField } from 'pdf-lib';
import { writePdf, layoutDocument, type PdfResult } from '../../src/write/pdf/index.js';
import { resolveTheme } from '../../src/theme.js';
import {
  build,
  countDarkPixels,
  decodePng,
  fixturePath,
  fonts,
  loadNotoFonts,
  loadSampleTree,
  notoMetrics,
  run,
  tempFile,
  words,
} from './pdf-test-kit.js';
import { SAMPLE_TIMESTAMP } from './write-sample-pdf.js';

const theme = resolveTheme();
const tree = loadSampleTree();
const LONG_URL =
  'https://careers.example-university.edu/informational-interviews/resources/2026/preparing-for-your-first-conversation?utm_source=packet&utm_medium=print&ref=maya-patel';

let result: PdfResult;
let file: string;
let doc: PDFDocument;

beforeAll(async () => {
  result = await writePdf(tree, { theme, fonts, forms: true, timestamp: SAMPLE_TIMESTAMP });
  file = tempFile(result.bytes, 'packet.pdf');
  doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
});

/** Every link annotation of the document as [page index, URI]. */
function linkAnnotations(pdf: PDFDocument): [number, string][] {
  const links: [number, string][] = [];
  pdf.getPages().forEach((page, i) => {
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = pdf.context.lookup(annots!.get(k), PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookup(PDFName.of('A'), PDFDict);
      links.push([i, (action.lookup(PDFName.of('URI')) as PDFString).decodeText()]);
    }
  });
  return links;
}

describe('writePdf on the sample tree', () => {
  it('re-opens in pdf-lib with its pages, title, author, subject, language and dates', () => {
    expect(result.pages).toBeGreaterThanOrEqual(3);
    expect(doc.getPageCount()).toBe(result.pages);
    expect(doc.getTitle()).toBe('Prep packet: Zoë Ångström-Núñez meets Dr. Ελένη Παπαδοπούλου');
    expect(doc.getAuthor()).toBe('Zoë Ångström-Núñez');
    expect(doc.getSubject()).toBe('Informational interview preparation');
    expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('en-US');
    expect(doc.getCreator()).toBe('interview-kit');
    expect(doc.getProducer()).toBe('interview-kit');
    expect(doc.getCreationDate()?.getTime()).toBe(SAMPLE_TIMESTAMP * 1000);
    expect(doc.getModificationDate()?.getTime()).toBe(SAMPLE_TIMESTAMP * 1000);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    expect(result.warnings).toEqual([]);
  });

  it('extracts its text in reading order with pdftotext, with "Page X of Y" on every page', () => {
    const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).stdout;
    const inOrder = [
      'Prep packet: meeting Dr. Ελένη',
      'Zoë Ångström-Núñez',
      'Северный институт прикладной экологии',
      'An informational interview is a short',
      'Before you go:',
      'Know yourself',
      'Python and R',
      'Strengths to mention',
      'Ålesund field sta',
      'Know the mentor',
      'Research checklist',
      'Find the mission statement',
      'Time plan',
      'What happens',
      'A second line after a forced break.',
      'Your questions',
      'What does a typical day or week look like in your role?',
      'What would you look for in a cover letter or résumé',
      'Closing the meeting',
      'Other notes',
      'After the meeting',
      'eleni.papadopoulou@example.org',
    ];
    let at = -1;
    for (const snippet of inOrder) {
      const found = text.indexOf(snippet, at + 1);
      expect(found, `"${snippet}" after position ${at}`).toBeGreaterThan(at);
      at = found;
    }
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(result.pages);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${result.pages}`);
      expect(page).toContain('Zoë Ångström-Núñez · Informational interview · 3 December 2026');
    });
  });

  it('embeds every font as a subset of Noto Sans with a Unicode map (pdffonts)', () => {
    const rows = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBe(3); // regular, bold, italic: the sample uses no bold italic
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
  });

  it('passes qpdf --check', () => {
    const check = run('qpdf', ['--check', file]);
    expect(check.stdout + check.stderr).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
  });

  it('renders every glyph in MuPDF (no "cannot render glyph" or invalid outline warnings)', () => {
    const draw = run('mutool', ['draw', '-o', '/dev/null', file]);
    expect(draw.status).toBe(0);
    const problems = draw.stderr.split('\n').filter((line) => /glyph|outline|font/i.test(line));
    expect(problems).toEqual([]);
  });

  it('renders page 1 with ink exactly where the layout put text (pdftoppm)', () => {
    const dir = join(file, '..');
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page1')]);
    const png = decodePng(new Uint8Array(readFileSync(join(dir, 'page1.png'))));
    const scale = 60 / 72;
    expect([png.width, png.height]).toEqual([Math.round(612 * scale), Math.round(792 * scale)]);
    expect(countDarkPixels(png)).toBeGreaterThan(3000);
    const layout = layoutDocument(tree, theme, notoMetrics());
    const body = layout.pages[0]!.boxes.filter((b) => b.kind === 'text' && b.color === '#1f2328' && b.width > 100);
    expect(body.length).toBeGreaterThan(10);
    for (const t of body) {
      if (t.kind !== 'text') continue;
      const area = { x: t.x * scale, y: (t.y - t.size * 0.75) * scale, width: t.width * scale, height: t.size * scale };
      expect(countDarkPixels(png, area), t.text).toBeGreaterThan(t.width * 0.15);
    }
    // The right margin stays white.
    expect(countDarkPixels(png, { x: 560 * scale, y: 0, width: 52 * scale, height: png.height })).toBe(0);
  });

  it('lists the H1 and H2 headings as nested bookmarks pointing at their pages', () => {
    const outline = run('mutool', ['show', file, 'outline']).stdout.trim().split('\n');
    expect(outline).toHaveLength(7);
    expect(outline[0]).toMatch(/^-\t"Prep packet: meeting Dr\. Ελένη Παπαδοπούλου"\t#page=1\b/);
    expect(outline[1]).toMatch(/^\|\t\t"Know yourself"\t#page=1\b/);
    expect(outline[3]).toMatch(/^\|\t\t"Time plan"\t#page=3\b/);
    expect(outline[4]).toMatch(/^-\t"Your questions"\t#page=3\b/);
    expect(outline[6]).toMatch(/^\|\t"After the meeting"\t#page=6\b/);
  });

  it('makes every line of a link clickable with its URL', () => {
    const links = linkAnnotations(doc);
    expect(links.filter(([, uri]) => uri === LONG_URL).length).toBeGreaterThanOrEqual(2);
    expect(links.map(([, uri]) => uri)).toContain('https://meet.example.org/zoe-eleni-informational-interview');
    expect(links.map(([, uri]) => uri)).toContain('mailto:eleni.papadopoulou@example.org');
  });

  it('has a multi-line text field per named answer space and a check box per named checkbox', () => {
    const fields = doc.getForm().getFields();
    expect(fields.map((f) => [f.constructor.name, f.getName()])).toEqual([
      ['PDFCheckBox', 'found-mission'],
      ['PDFCheckBox', 'news-checked'],
      ...Array.from({ length: 8 }, (_, i) => ['PDFTextField', `answer-q${i + 1}`]),
      ['PDFCheckBox', 'objective-met'],
      ['PDFCheckBox', 'business-card'],
      ['PDFTextField', 'other-notes'],
    ]);
    for (const field of fields) {
      if (field instanceof PDFTextField) {
        expect(field.isMultiline()).toBe(true);
        expect(field.getText()).toBeUndefined();
      }
      if (field instanceof PDFCheckBox) expect(field.isChecked()).toBe(false);
    }
  });

  it('keeps what a viewer types into its fields (filled with pdf-lib, saved, read back)', async () => {
    const filled = await PDFDocument.load(result.bytes);
    filled.getForm().getTextField('answer-q1').setText('Mostly modelling.\nSome fieldwork in spring.');
    filled.getForm().getCheckBox('business-card').check();
    const again = await PDFDocument.load(await filled.save());
    expect(again.getForm().getTextField('answer-q1').getText()).toBe('Mostly modelling.\nSome fieldwork in spring.');
    expect(again.getForm().getCheckBox('business-card').isChecked()).toBe(true);
    expect(again.getForm().getCheckBox('found-mission').isChecked()).toBe(false);
  });

  it('gives the same bytes when built twice', async () => {
    const second = await writePdf(tree, { theme, fonts, forms: true, timestamp: SAMPLE_TIMESTAMP });
    expect(Buffer.from(second.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it('gives the same bytes in a fresh process', () => {
    const out = join(file, '..', 'fresh.pdf');
    const child = run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('write-sample-pdf.ts', import.meta.url)), out]);
    expect(child.stderr).toBe('');
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(result.bytes))).toBe(true);
  });
});

describe('writePdf options and edge cases', () => {
  it("returns the layout preflight's findings as warnings with their code, and writes the PDF", async () => {
    const slip = build.root([build.heading(1, 'Questions'), build.paragraph('10. What does a typical day look like?'), build.paragraph(':::lines 4 #answer-10')]);
    const written = await writePdf(slip, { theme, fonts });
    expect(written.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'markup-left', message: expect.stringMatching(/^Test document: page 1 prints markup as text: ":::lines 4 #answer-10" \[markup-left\]$/) }),
    ]);
    expect(run('pdftotext', [tempFile(written.bytes), '-']).stdout).toContain(':::lines 4');
    const clean = await writePdf(build.root([build.heading(1, 'Questions'), build.questions(['What does a typical day look like?'])]), { theme, fonts });
    expect(clean.warnings).toEqual([]);
  });

  it('warns once, and still writes the PDF, when a name is in a script the font cannot draw', async () => {
    const cjk = build.root(
      [build.heading(1, 'Meeting 张伟'), build.paragraph('Mentor: 张伟 (Zhang Wei), 中文 speaker.'), build.paragraph('张伟 again.')],
      'Prep packet: 张伟',
    );
    const written = await writePdf(cjk, { theme, fonts });
    expect(written.warnings).toHaveLength(1);
    const [warning] = written.warnings;
    expect(warning!.severity).toBe('warning');
    expect(warning!.message).toBe(
      'the bundled font cannot draw 4 characters (张伟中文, Han script) in "Prep packet: 张伟"; they will print as empty boxes',
    );
    expect(warning!.hints?.length).toBeGreaterThan(0);
    const pdfFile = tempFile(written.bytes);
    expect(run('qpdf', ['--check', pdfFile]).status).toBe(0);
    expect(run('pdftotext', [pdfFile, '-']).stdout).toContain('Zhang Wei');
  });

  it('writes no form fields unless asked', async () => {
    const plain = await writePdf(tree, { theme, fonts, timestamp: SAMPLE_TIMESTAMP });
    const reopened = await PDFDocument.load(plain.bytes);
    expect(reopened.getForm().getFields()).toHaveLength(0);
    expect(plain.pages).toBe(result.pages);
  });

  it('uses A4 paper when the theme says so', async () => {
    const a4 = await writePdf(build.root([build.paragraph(words(800))]), { theme: resolveTheme({ pageSize: 'a4' }), fonts });
    const reopened = await PDFDocument.load(a4.bytes);
    for (const page of reopened.getPages()) expect(page.getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  it('prints the career office name and logo in the header of every page', async () => {
    const logo = { type: 'png' as const, bytes: new Uint8Array(readFileSync(fixturePath('office-logo.png'))) };
    const office = resolveTheme({ office: { name: 'Career Services Center', contact: ['careers@example.edu'], logo } });
    const written = await writePdf(build.root([build.paragraph(words(1500))]), { theme: office, fonts });
    expect(written.pages).toBeGreaterThan(1);
    const pdfFile = tempFile(written.bytes);
    const text = run('pdftotext', ['-layout', pdfFile, '-']).stdout.split('\f').filter((p) => p.trim());
    for (const page of text) expect(page).toMatch(/Career Services Center\s+careers@example\.edu/);
    const images = run('pdfimages', ['-list', pdfFile]).stdout.trim().split('\n').slice(2);
    expect(images.filter((row) => /^\s*\d+\s+\d+\s+image\s/.test(row)).length).toBe(written.pages);
    expect(run('mutool', ['draw', '-o', '/dev/null', pdfFile]).status).toBe(0);
  });

  it('sets text in Noto Serif when given the serif faces', async () => {
    const serif = await writePdf(build.root([build.heading(1, 'Serif'), build.paragraph('Plain, **bold** and Ελληνικά text.')]), {
      theme,
      fonts: loadNotoFonts('noto-serif'),
    });
    const pdfFile = tempFile(serif.bytes);
    expect(run('pdffonts', [pdfFile]).stdout).toMatch(/[A-Z]{6}\+NotoSerif-Regular/);
    expect(run('mutool', ['draw', '-o', '/dev/null', pdfFile]).stderr).not.toMatch(/glyph|outline/i);
  });

  it('refuses bytes that are not a TrueType font with a message that says what to pass', async () => {
    const broken = { ...fonts, bold: new Uint8Array([1, 2, 3, 4]) };
    await expect(writePdf(build.root([build.paragraph('x')]), { theme, fonts: broken })).rejects.toThrow(/bold font is not a TrueType font/);
  });

  it('keeps link areas and text inside the page for a URL with parentheses and non-ASCII characters', async () => {
    const url = 'https://example.org/wiki/Caf%C3%A9_(Paris)/über';
    const written = await writePdf(
      build.root([{ type: 'paragraph', children: [{ type: 'link', url, children: [build.text('the café page')] }] }]),
      { theme, fonts },
    );
    const reopened = await PDFDocument.load(written.bytes);
    expect(linkAnnotations(reopened).map(([, uri]) => uri)).toEqual(['https://example.org/wiki/Caf%C3%A9_%28Paris%29/%C3%BCber']);
    expect(run('qpdf', ['--check', tempFile(written.bytes)]).status).toBe(0);
  });

  it('gives each of two PDFs saved at the same time the compressor of its own call', async () => {
    const { deflateSync } = await import('node:zlib');
    const stored = (data: Uint8Array) => deflateSync(data, { level: 0 });
    const best = (data: Uint8Array) => deflateSync(data, { level: 9 });
    const alone = [await writePdf(tree, { theme, fonts, deflate: stored }), await writePdf(tree, { theme, fonts, deflate: best })];
    const together = await Promise.all([writePdf(tree, { theme, fonts, deflate: stored }), writePdf(tree, { theme, fonts, deflate: best })]);
    expect(Buffer.from(together[0]!.bytes).equals(Buffer.from(alone[0]!.bytes))).toBe(true);
    expect(Buffer.from(together[1]!.bytes).equals(Buffer.from(alone[1]!.bytes))).toBe(true);
    expect(Buffer.from(alone[0]!.bytes).equals(Buffer.from(alone[1]!.bytes))).toBe(false);
  });
});

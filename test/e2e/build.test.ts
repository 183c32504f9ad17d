/**
 * The packet end to end, through the files a student receives: run the real
 * CLI, re-open the PDFs with poppler and the DOCX as a zip, and check what a
 * reader would see. Every run this file needs starts once, side by side, in
 * the first beforeAll; the tests share their outputs.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/kits/select-questions.js';
import { runCliAsync, tempDir, type CliRun, outputNames } from '../helpers/cli.js';
import { bundledGuide, exampleInterview, repoRoot } from '../helpers/kit.js';
import { decodePng } from '../pdf/pdf-test-kit.js';
import { inkRatio, pdfInfo, pdfText, pdfWordBoxes } from '../helpers/pdf-tools.js';
import { runTool } from '../helpers/tools.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Asserts each needle occurs in the haystack, in the given order. */
function expectInOrder(haystack: string, needles: readonly string[]): void {
  let at = 0;
  for (const needle of needles) {
    const found = haystack.indexOf(squash(needle), at);
    expect(found, `"${needle}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
  return squash(xml.replace(/<w:p[ >]/g, ' $&').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

/** A run of the command line, started by the beforeAll below. */
interface Run {
  readonly args: readonly string[];
  result?: CliRun;
}
const runs: Run[] = [];
/** Registers `interview-kit ...args` to run before the tests; read its result in a test. */
function cli(...args: string[]): Run {
  const run: Run = { args };
  runs.push(run);
  return run;
}
/** A registered run's result. */
const done = (run: Run): CliRun => run.result ?? expect.fail(`interview-kit ${run.args.join(' ')} did not run`);

/** At most this many runs at a time. */
const SIDE_BY_SIDE = 4;

beforeAll(async () => {
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++]!;
      run.result = await runCliAsync(run.args);
    }
  };
  await Promise.all(Array.from({ length: SIDE_BY_SIDE }, worker));
});

/** The one student folder a build wrote into `out`. */
const studentFolder = (out: string) => join(out, readdirSync(out)[0]!);

describe('interview-kit build content/examples/maya.yaml', () => {
  const out = tempDir();
  const dir = join(out, 'maya-patel');
  const build = cli('build', 'content/examples/maya.yaml', '--out', out);
  const again = tempDir();
  const rebuild = cli('build', 'content/examples/maya.yaml', '--out', again);
  const maya = exampleInterview('maya.yaml');
  const questions = selectQuestions(maya, bundledGuide()).flatMap((g) => g.questions.map((q) => q.text.replace(/\*+/g, '')));

  it('exits 0 and writes the packet and question sheet as PDF and DOCX, and the calendar', () => {
    const run = done(build);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(outputNames(dir)).toEqual(['follow-up.ics', 'packet.docx', 'packet.pdf', 'questions.docx', 'questions.pdf']);
    expect(run.stdout).toMatch(/wrote .*packet\.pdf \(\d+ pages\)/);
  });

  const personal = [
    'Informational interview with Dr. José Núñez',
    'Maya Patel',
    'M.A. Organizational Psychology',
    'Dr. José Núñez (he/him)',
    'Director of Learning & Development, People & Culture',
    'Acme Health · Healthcare · New York, NY',
    'Thursday, December 3, 2026',
    '2:30 PM – 2:50 PM (20 minutes)',
    'In person: 55 Water St, 12th floor',
    'by Friday, December 4, 2026, 2:30 PM',
    'See what L&D directors do day to day',
    'Learn which skills to build this year',
    'Facilitation',
    'Survey design',
    'Two years as a corporate trainer.',
    'Ed.D. Adult Learning and Leadership, 2009',
    'jnunez@example.com',
    'acme.example',
    'Opened two clinics in 2026',
  ];

  it('prints every personalized value in the packet PDF, in order', () => {
    expectInOrder(squash(pdfText(join(dir, 'packet.pdf'))), personal);
  });

  it('asks every chosen question in order, in the packet and on the question sheet', () => {
    expect(questions.length).toBe(maya.questions!.include!.length + maya.questions!.custom!.length);
    expectInOrder(squash(pdfText(join(dir, 'packet.pdf'))), questions);
    expectInOrder(squash(pdfText(join(dir, 'questions.pdf'))), questions);
  });

  it('lists research tasks for the fields Maya left empty', () => {
    const text = squash(pdfText(join(dir, 'packet.pdf')));
    expect(text).toMatch(/Still to find out.*mission/);
    expect(text).toMatch(/LinkedIn/);
  });

  it('puts the same text in the DOCX as in the PDF', () => {
    const text = docxText(join(dir, 'packet.docx'));
    expectInOrder(text, personal);
    expectInOrder(text, questions);
    expectInOrder(docxText(join(dir, 'questions.docx')), questions);
  });

  it('numbers pages "Page X of Y" and sets title, author and language', async () => {
    const file = join(dir, 'packet.pdf');
    const info = pdfInfo(file);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) expect(pdfText(file, p)).toContain(`Page ${p} of ${pages}`);
    expect(info.Title).toBe('Prep packet: Maya Patel meets Dr. José Núñez (Acme Health)');
    expect(info.Author).toBe('Maya Patel');
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    const doc = await PDFDocument.load(readFileSync(file));
    expect((doc.catalog.get(PDFName.of('Lang')) as PDFString).decodeText()).toBe('en-US');
  });

  it('keeps every word inside the page margins', () => {
    for (const name of ['packet.pdf', 'questions.pdf']) {
      const words = pdfWordBoxes(join(dir, name));
      expect(words.length).toBeGreaterThan(200);
      for (const w of words) {
        const where = `${name} page ${w.page}: "${w.text}" x ${w.xMin}–${w.xMax}`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(54 - 0.5);
        expect(w.xMax, where).toBeLessThanOrEqual(w.pageWidth - 54 + 0.5);
        expect(w.yMin, where).toBeGreaterThanOrEqual(18);
        expect(w.yMax, where).toBeLessThanOrEqual(w.pageHeight - 18);
      }
    }
  });

  it('draws visible text on every page (the embedded font renders)', () => {
    const pages = Number(pdfInfo(join(dir, 'packet.pdf')).Pages);
    for (let p = 1; p <= pages; p++) expect(inkRatio(join(dir, 'packet.pdf'), p), `page ${p}`).toBeGreaterThan(0.002);
    // The header band of page 1 (title and cover table) is text, so it carries ink.
    expect(inkRatio(join(dir, 'packet.pdf'), 1, { top: 0.05, bottom: 0.35 })).toBeGreaterThan(0.01);
  });

  it('passes qpdf --check and mutool renders every glyph', () => {
    for (const name of ['packet.pdf', 'questions.pdf']) {
      runTool('qpdf', ['--check', join(dir, name)], { encoding: 'utf8' });
      const draw = runTool('mutool', ['draw', '-o', '/dev/null', join(dir, name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(draw).not.toMatch(/cannot render glyph/);
    }
  });

  it('gives the question sheet fillable answer fields named after the questions', async () => {
    const doc = await PDFDocument.load(readFileSync(join(dir, 'questions.pdf')));
    const names = doc.getForm().getFields().map((f) => f.getName());
    for (const id of maya.questions!.include!) expect(names).toContain(`answer-${id}`);
    expect(names).toEqual(expect.arrayContaining(['answer-custom-1', 'advice', 'referrals', 'next-steps', 'business-card']));
  });

  it('puts the meeting, the thank-you deadline and check-ins in follow-up.ics', async () => {
    const ical = await import('node-ical');
    const events = Object.values(ical.sync.parseFile(join(dir, 'follow-up.ics'))).filter((e) => e?.type === 'VEVENT') as { summary: unknown; start: Date; end: Date }[];
    const summaries = events.map((e) => String(e.summary));
    const meeting = events.find((e) => /Núñez/.test(String(e.summary)) && !/thank|progress/i.test(String(e.summary)))!;
    expect(meeting, summaries.join(' | ')).toBeDefined();
    // 2:30 PM in New York on December 3 is 19:30 UTC; 20 minutes long.
    expect(meeting.start.toISOString()).toBe('2026-12-03T19:30:00.000Z');
    expect(meeting.end.toISOString()).toBe('2026-12-03T19:50:00.000Z');
    const thanks = events.find((e) => /thank/i.test(String(e.summary)))!;
    expect(thanks.end.toISOString()).toBe('2026-12-04T19:30:00.000Z');
    expect(summaries.filter((s) => /progress/i.test(s))).toHaveLength(2);
  });

  it('states the same thank-you deadline in the packet as in the calendar', () => {
    expect(squash(pdfText(join(dir, 'packet.pdf')))).toContain('Your thank-you note is due by Friday, December 4, 2026, 2:30 PM');
  });

  it('writes byte-identical files when run again with the same input', () => {
    expect(done(rebuild).status).toBe(0);
    for (const name of readdirSync(dir)) {
      expect(Buffer.compare(readFileSync(join(dir, name)), readFileSync(join(again, 'maya-patel', name))), name).toBe(0);
    }
  });
});

describe('interview-kit build options and other inputs', () => {
  const a4 = tempDir();
  const sofiaA4 = cli('build', 'content/examples/sofia.yaml', '--out', a4, '--page-size', 'a4', '--format', 'pdf');

  it('prints A4 pages with --page-size a4', () => {
    expect(done(sofiaA4).status).toBe(0);
    expect(outputNames(studentFolder(a4))).toEqual(['packet.pdf', 'questions.pdf']);
    expect(pdfInfo(join(studentFolder(a4), 'packet.pdf'))['Page size']).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)/);
  });

  it('renders Greek, Cyrillic and accented names', () => {
    const run = done(sofiaA4);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/cannot draw/);
    const sofia = exampleInterview('sofia.yaml');
    const packet = join(studentFolder(a4), 'packet.pdf');
    const text = squash(pdfText(packet));
    for (const name of [sofia.student.name, sofia.mentor.name, sofia.organization.name]) expect(text).toContain(name);
    const draw = runTool('mutool', ['draw', '-o', '/dev/null', packet], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(draw).not.toMatch(/cannot render glyph/);
  });

  const branded = tempDir();
  const logoFile = join(repoRoot, 'test', 'fixtures', 'pdf', 'office-logo.png');
  copyFileSync(logoFile, join(branded, 'seal.png'));
  writeFileSync(join(branded, 'kit.yaml'), 'office:\n  name: Career Services Center\n  logo: seal.png\n');
  const brandedBuild = cli('build', 'content/examples/minimal.yaml', '--config', join(branded, 'kit.yaml'), '--out', join(branded, 'out'), '--format', 'pdf,docx');

  it("brands the packet with a kit.yaml: the office's name, and its PNG logo pixel for pixel", () => {
    const dir = branded;
    const out = join(dir, 'out');
    const run = done(brandedBuild);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [folder] = readdirSync(out);
    const packet = join(out, folder!, 'packet.pdf');
    expect(squash(pdfText(packet, 1, 1))).toContain('Career Services Center');

    // The logo as a PDF viewer gets it: colour image and soft mask, both the PNG's size and samples.
    const images = join(dir, 'images');
    mkdirSync(images);
    runTool('pdfimages', ['-png', '-f', '1', '-l', '1', packet, join(images, 'logo')]);
    const source = decodePng(new Uint8Array(readFileSync(logoFile)));
    expect(source.channels).toBe(4);
    const [colour, mask] = readdirSync(images).sort().map((f) => decodePng(new Uint8Array(readFileSync(join(images, f)))));
    expect([colour!.width, colour!.height, colour!.channels]).toEqual([source.width, source.height, 3]);
    expect([mask!.width, mask!.height, mask!.channels]).toEqual([source.width, source.height, 1]);
    const pixels = source.width * source.height;
    const rgb = new Uint8Array(pixels * 3);
    const alpha = new Uint8Array(pixels);
    for (let i = 0; i < pixels; i++) {
      rgb.set(source.pixels.subarray(i * 4, i * 4 + 3), i * 3);
      alpha[i] = source.pixels[i * 4 + 3]!;
    }
    expect(Buffer.from(colour!.pixels).equals(Buffer.from(rgb))).toBe(true);
    expect(Buffer.from(mask!.pixels).equals(Buffer.from(alpha))).toBe(true);

    const docx = unzipSync(readFileSync(join(out, folder!, 'packet.docx')));
    const media = Object.keys(docx).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(docx[media[0]!]!).equals(readFileSync(logoFile))).toBe(true);
  });

  const unknownGlyph = tempDir();
  writeFileSync(join(unknownGlyph, 'interview.yaml'), 'student:\n  name: Sam 🦊 Lee\nmentor:\n  name: Ana Silva\norganization:\n  name: Kite Labs\n');
  const unknownGlyphBuild = cli('build', join(unknownGlyph, 'interview.yaml'), '--out', join(unknownGlyph, 'out'), '--format', 'pdf');

  it('warns, and still builds, when a name has characters the bundled fonts cannot draw', () => {
    const run = done(unknownGlyphBuild);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: .*cannot draw/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  const markup = tempDir();
  writeFileSync(join(markup, 'interview.yaml'), [
      'student:',
      '  name: "# Eve **Bold**"',
      '  background: "[click](https://evil.example) {{student.name}} _x_"',
      'mentor:',
      '  name: Ana Silva',
      'organization:',
      '  name: Kite Labs',
      '',
  ].join('\n'));
  const markupBuild = cli('build', join(markup, 'interview.yaml'), '--out', join(markup, 'out'), '--format', 'pdf');

  it('turns data that looks like Markdown into literal text in the PDF', () => {
    expect(done(markupBuild).status).toBe(0);
    const text = squash(pdfText(join(studentFolder(join(markup, 'out')), 'packet.pdf')));
    expect(text).toContain('# Eve **Bold**');
    expect(text).toContain('[click](https://evil.example) {{student.name}} _x_');
  });

  // The bundled templates ship compiled; one laid over them must be used as written.
  const custom = tempDir();
  writeFileSync(join(custom, 'questions.md.hbs'), '# Questions for {{mentor.name}}, written by the office\n\nBring this sheet.\n');
  const customBuild = cli('build', 'content/examples/minimal.yaml', '--templates', custom, '--out', join(custom, 'out'), '--format', 'md');

  it('uses a template from --templates in place of the bundled one of the same name', () => {
    expect(done(customBuild).status).toBe(0);
    const folder = studentFolder(join(custom, 'out'));
    expect(readFileSync(join(folder, 'questions.md'), 'utf8')).toMatch(/^# Questions for .+, written by the office\n\nBring this sheet\.\n$/);
    expect(readFileSync(join(folder, 'packet.md'), 'utf8')).toMatch(/^# Informational interview with /);
  });

  const invalid = tempDir();
  writeFileSync(join(invalid, 'interview.yaml'), 'student:\n  name: Maya\nmentor:\n  name: Ana\norganization:\n  name: Kite\nmeeting:\n  date: next tuesday\n');
  const invalidBuild = cli('build', join(invalid, 'interview.yaml'), '--out', join(invalid, 'out'));

  it('writes nothing and exits 2 when the input is invalid', () => {
    const out = join(invalid, 'out');
    const run = done(invalidBuild);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/interview\.yaml:8:9: error: meeting\.date is not a date \("next tuesday"\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  const unknownFormat = cli('build', 'content/examples/minimal.yaml', '--format', 'pdf,odt', '--out', tempDir());

  it('rejects an unknown --format with a hint', () => {
    const run = done(unknownFormat);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown format "odt"/);
  });
});

describe('interview-kit init and questions', () => {
  it('writes a sample interview.yaml with the schema line, which then builds', async () => {
    const dir = tempDir();
    const run = await runCliAsync(['init', dir]);
    expect(run.status).toBe(0);
    // Run from a clone of the repository, as here: its next step goes through npx.
    expect(run.stdout).toContain(`next: edit interview.yaml, then run: npx interview-kit build ${join(dir, 'interview.yaml')}\n`);
    const text = readFileSync(join(dir, 'interview.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./interview.schema.json');
    expect(JSON.parse(readFileSync(join(dir, 'interview.schema.json'), 'utf8')).properties.student).toBeDefined();
    expect((await runCliAsync(['build', join(dir, 'interview.yaml'), '--out', join(dir, 'out'), '--format', 'md'])).status).toBe(0);
    expect((await runCliAsync(['init', dir])).status).toBe(2);
  });

  const questions = cli('questions');
  const help = ['build', 'init', 'questions'].map((command) => cli(command, '--help'));

  it('lists every question id of the bank, grouped', () => {
    const run = done(questions);
    expect(run.status).toBe(0);
    for (const group of bundledGuide().question_groups) {
      expect(run.stdout).toContain(group.id);
      for (const q of group.questions) expect(run.stdout).toContain(q.id);
    }
  });

  it('shows help for every command', () => {
    for (const command of help) {
      const run = done(command);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Usage: interview-kit/);
    }
  });
});

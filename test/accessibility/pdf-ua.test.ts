/**
 * Every kind of PDF interview-kit writes, built by the real command line from
 * real input files, is checked against the machine-checkable conditions of
 * PDF/UA-1 (pdf-ua-check.ts), and its structure must read in the order the
 * page shows.
 */
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { inPairs, tempDir } from '../helpers/cli.js';
import { built as builtOnce } from '../helpers/built.js';
import { repoRoot } from '../helpers/kit.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { checkPdfUa, outOfOrder, structureText, wordsOf, type PdfUaReport, type ReadElement } from './pdf-ua-check.js';

/** Every PDF below `dir`, by path relative to it. */
function pdfsIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub))) {
      const rel = join(sub, entry);
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else if (entry.endsWith('.pdf')) found.push(rel);
    }
  };
  walk('');
  return found.sort();
}

/** The folder `args` wrote into, shared with the other end-to-end files that run the same command line. */
async function build(args: readonly string[]): Promise<string> {
  const run = await builtOnce(args);
  expect(run.status, run.stderr).toBe(0);
  return run.out;
}

/** The example kit.yaml with its logo line switched on, next to the test logo. */
function brandedKit(): string {
  const dir = tempDir('ik-a11y-kit-');
  copyFileSync(join(repoRoot, 'test/fixtures/pdf/office-logo.png'), join(dir, 'logo.png'));
  const kit = readFileSync(join(repoRoot, 'content/examples/kit.yaml'), 'utf8').replace('# logo: logo.png', 'logo: logo.png');
  writeFileSync(join(dir, 'kit.yaml'), kit);
  return join(dir, 'kit.yaml');
}
const kit = brandedKit();

const fixtures = (folder: string): string[] =>
  readdirSync(join(repoRoot, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(folder, f));

/**
 * The command lines that write every kind of PDF, from the bundled examples and the test fixtures.
 * The chain fixtures are built as whole-chain.test.ts builds them, the scripts as scripts.test.ts does.
 */
const BUILDS: Record<string, readonly string[]> = {
  'packet and question sheet': ['build', 'content/examples/maya.yaml', '--format', 'pdf'],
  'branded packet with a logo': ['build', 'content/examples/maya.yaml', '--format', 'pdf', '-c', kit],
  'thank-you letter': ['thank-you', 'content/examples/maya-after.yaml', '--format', 'pdf'],
  handout: ['handout', '--format', 'pdf'],
  'branded handout': ['handout', '--format', 'pdf', '-c', kit],
  'batch of per-student files': ['batch', 'content/examples/roster.yaml', '--format', 'pdf', '--no-progress', '-j', '1'],
  ...Object.fromEntries([...fixtures('content/examples').filter((f) => !/kit|roster|maya\.yaml/.test(f)), ...fixtures('test/fixtures/scripts')].map((f) => [f, ['build', f, '--format', 'pdf']])),
  ...Object.fromEntries(fixtures('test/fixtures/chain').map((f) => [f, ['build', f, '--format', 'pdf,docx,md']])),
};

interface Built {
  readonly file: string;
  readonly report: PdfUaReport;
  /** What pdftotext reads from the pages. */
  readonly shown: string;
  /** What poppler reads through the structure tree. */
  readonly read: string;
}

const built = new Map<string, Built[]>();

beforeAll(async () => {
  await inPairs(
    Object.entries(BUILDS).map(([kind, args]) => async () => {
      const out = await build(args);
      const files = pdfsIn(out).filter((f) => !f.endsWith('print.pdf'));
      built.set(
        kind,
        await Promise.all(
          files.map(async (f) => {
            const file = join(out, f);
            return { file, report: await checkPdfUa(readFileSync(file)), shown: pdfText(file), read: structureText(file) };
          }),
        ),
      );
    }),
  );
}, 300_000);

const all = (): Built[] => [...built.values()].flat();
const roles = (b: Built): string[] => b.report.elements.map((e) => e.role);
const find = (kind: string, name: string): Built => built.get(kind)!.find((b) => b.file.endsWith(name))!;

describe('every PDF the program writes', () => {
  it('builds the documents of every kind', () => {
    expect(built.get('packet and question sheet')!.map((b) => b.file.split('/').pop())).toEqual(['packet.pdf', 'questions.pdf']);
    expect(built.get('thank-you letter')!.length).toBe(1);
    expect(built.get('handout')!.length).toBeGreaterThan(0);
    expect(built.get('batch of per-student files')!.length).toBe(4);
    expect(all().length).toBeGreaterThan(40);
  });

  it('meets the machine-checkable PDF/UA-1 conditions', () => {
    const failures = all().flatMap((b) => b.report.failures.map((f) => `${b.file}: ${f}`));
    expect(failures).toEqual([]);
  });

  it('has a structure that reads in the order the page shows', () => {
    const disorder = all()
      .map((b) => ({ file: b.file, at: outOfOrder(b.shown, b.read) }))
      .filter((d) => d.at !== undefined);
    expect(disorder).toEqual([]);
  });

  it('reads all its body text through the structure, leaving out only the furniture', () => {
    for (const b of all()) {
      const shown = wordsOf(b.shown).length;
      const read = wordsOf(b.read).length;
      expect(read, b.file).toBeGreaterThan(shown * 0.6);
      expect(read, b.file).toBeLessThanOrEqual(shown);
    }
  });

  it('marks the running header and footer as artifacts, not content', () => {
    const packet = find('branded packet with a logo', 'packet.pdf');
    expect(packet.read).not.toMatch(/Page \d+ of \d+/);
    expect(packet.shown).toMatch(/Page 1 of \d+/);
  });
});

describe('the structure of a packet', () => {
  it('starts with H1 and has headings, lists and tables with header cells', () => {
    const packet = find('packet and question sheet', 'packet.pdf');
    const r = roles(packet);
    expect(r[0]).toBe('Document');
    expect(r.filter((x) => x === 'H1').length).toBeGreaterThan(1);
    expect(r).toContain('H2');
    expect(r).toContain('L');
    expect(r).toContain('Lbl');
    expect(r).toContain('Table');
    expect(r).toContain('TH');
  });

  it('gives the office logo a Figure with alternate text, once', () => {
    const packet = find('branded packet with a logo', 'packet.pdf');
    const figures = packet.report.elements.filter((e) => e.role === 'Figure');
    expect(figures.length).toBe(1);
    const alt = figures[0]!.dict.get(PDFName.of('Alt')) as PDFHexString;
    expect(alt.decodeText()).toMatch(/logo/);
  });

  it('nests each link annotation in a Link element with its text', () => {
    const links = all().flatMap((b) => b.report.elements.filter((e) => e.role === 'Link'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.annotations.length).toBe(1);
      expect(link.mcids.length).toBeGreaterThan(0);
    }
  });
});

describe('the question sheet', () => {
  it('puts every field in a Form element and speaks the question as its name', async () => {
    const sheet = find('packet and question sheet', 'questions.pdf');
    const forms = sheet.report.elements.filter((e) => e.role === 'Form');
    expect(forms.length).toBeGreaterThan(5);
    const doc = await PDFDocument.load(readFileSync(sheet.file));
    const spoken = doc.getForm().getFields().map((f) => (f.acroField.dict.get(PDFName.of('TU')) as PDFHexString | PDFString).decodeText());
    expect(spoken.length).toBe(forms.length);
    expect(spoken).toContain('What kinds of positions are most common in this field? Listen for job titles you can search for, and roles you didn’t know existed.');
    expect(doc.getForm().getFields().map((f) => f.getName())).toContain('answer-training-programs');
  });
});

describe('text in another script', () => {
  const cases: [string, string][] = [
    ['arabic', 'ar'],
    ['chinese', 'zh'],
    ['japanese', 'ja'],
    ['korean', 'ko'],
    ['hebrew', 'he'],
    ['devanagari', 'hi'],
    ['thai', 'th'],
  ];
  it.each(cases)('marks a %s name as a Span in its language', (script, lang) => {
    const packet = built.get(`test/fixtures/scripts/${script}.yaml`)!.find((b) => b.file.endsWith('packet.pdf'))!;
    const spans = packet.report.elements.filter((e: ReadElement) => e.role === 'Span');
    expect(spans.length).toBeGreaterThan(0);
    expect(new Set(spans.map((s) => (s.dict.get(PDFName.of('Lang')) as PDFString).decodeText()))).toEqual(new Set([lang]));
  });
});

describe('a right-to-left or shaped name', () => {
  it.each(['arabic', 'hebrew', 'devanagari', 'thai'])('reads a %s name whole, in reading order, from its Span\'s /ActualText', (script) => {
    const packet = built.get(`test/fixtures/scripts/${script}.yaml`)!.find((b) => b.file.endsWith('packet.pdf'))!;
    const said = packet.report.elements
      .filter((e: ReadElement) => e.role === 'Span')
      .map((e) => e.dict.get(PDFName.of('ActualText')))
      .filter((t) => t !== undefined)
      .map((t) => (t as PDFHexString).decodeText());
    const shown = packet.shown.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
    expect(said.length).toBeGreaterThan(0);
    // Each Span says a stretch of the name exactly as the page's text layer gives it.
    for (const words of said) expect(shown).toContain(words);
  });
});

describe('the check itself', () => {
  it('fails an untagged PDF on every document-level condition', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Hello');
    const report = await checkPdfUa(await doc.save());
    const checkpoints = report.failures.map((f) => f.split(':')[0]);
    for (const expected of ['06-001', '11-006', '07-001', '06-003', '06-002', '01-006', '28-002', '01-001']) expect(checkpoints).toContain(expected);
  });

  it('fails the batch print file, which is left untagged', async () => {
    const out = await build(BUILDS['batch of per-student files']!);
    const report = await checkPdfUa(readFileSync(join(out, 'batch-roster', 'print.pdf')));
    expect(report.failures.length).toBeGreaterThan(0);
  });
});

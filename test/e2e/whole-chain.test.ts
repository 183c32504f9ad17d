/**
 * The whole chain, from real input files to the pages a student prints:
 * interview.yaml → template → Markdown → tree → PDF and DOCX, run through the
 * command line a user runs. Each input is built once (and shared with the
 * other end-to-end files that build it: test/helpers/built.ts); every assertion reads
 * the files it wrote: the PDF through poppler and pdf-lib, the DOCX as its
 * `word/document.xml`.
 *
 * Inputs (test/fixtures/chain/): packets of 1, 9, 10 and 24 questions; names
 * in Chinese, Japanese, Korean, Hindi, Hebrew, Thai and Arabic; an Arabic name
 * inside English sentences; long names, addresses and links; and the handout
 * on Letter and A4 paper. The Markdown of each is a golden file beside it
 * (rewrite with `vitest -u` and review the diff).
 */
import { decodeXML } from 'entities';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, PDFHexString } from 'pdf-lib';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/kits/select-questions.js';
import { interviewSchema, type Interview } from '../../src/load/schema.js';
import { STYLE } from '../../src/write/docx/styles.js';
import { built as builtOnce } from '../helpers/built.js';
import { inPairs } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { bundledGuide, repoRoot } from '../helpers/kit.js';
import { pdfText, pdfWordBoxes, type WordBox } from '../helpers/pdf-tools.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'chain');
const guide = bundledGuide();

/** Packets: a file of test/fixtures/chain/ each. */
const PACKETS = ['q1', 'q9', 'q10', 'q24', 'zh-ja', 'ko-hi', 'he-th', 'ar', 'ar-in-english', 'long'] as const;
/** Handouts: the page size of each. */
const HANDOUTS = ['letter', 'a4'] as const;

/**
 * The warnings a build of these inputs may print: the practice checks that
 * an input earns on purpose (q1.yaml asks about one group only). Anything
 * else (a glyph the fonts lack, a layout finding, a time-zone problem) is a defect.
 */
const EXPECTED_WARNINGS: readonly RegExp[] = [/^warning: no questions "[^"]+" \([a-z-]+\)( or "[^"]+" \([a-z-]+\))*$/];

/** Bidi isolates and marks: the writers never draw them, so the text layer may leave them out. */
const BIDI_CONTROLS = /[\u2066-\u2069\u200e\u200f]/g;
/**
 * The embeddings pdftotext puts around right-to-left text (U+202A–U+202E).
 * It places the spaces at their edges in visual order ("with ‫ يوسف‬on"), so
 * an embedding's edge reads as a word boundary, as search treats it.
 */
const BIDI_EMBEDDINGS = /[\u202a-\u202e]/g;

/**
 * Text as a reader's search compares it: compatibility forms folded (a
 * ligature or an Arabic presentation form is its letters), isolates dropped,
 * embeddings made word boundaries, white space (no-break too) folded, a line
 * broken at a hyphen joined.
 */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(BIDI_EMBEDDINGS, ' ').replace(/\s+/g, ' ').replace(/- (?=\S)/g, '-').trim();
}

/** Markup that must never reach a page. */
const RAW_MARKUP = [':::', '{{', '}}', '[ ]', '#answer-'];

interface Built {
  readonly stderr: string;
  readonly files: Map<string, string>;
}

/** Every file written under `dir`, by name (the student's folder is the only subfolder). */
function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(entry.name, join(entry.parentPath, entry.name));
  }
  return files;
}

const built = new Map<string, Built>();

beforeAll(async () => {
  // Shared with the other end-to-end files that read these outputs (pdf-ua.test.ts).
  const build = async (name: string, args: readonly string[]) => {
    const run = await builtOnce(args);
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
    built.set(name, { stderr: run.stderr, files: filesUnder(run.out) });
  };
  await inPairs([
    ...PACKETS.map((name) => () => build(name, ['build', `test/fixtures/chain/${name}.yaml`, '--format', 'pdf,docx,md'])),
    ...HANDOUTS.map((size) => () => build(`handout-${size}`, ['handout', '--page-size', size, '--format', 'pdf,docx,md'])),
  ]);
}, 600_000);

function file(name: string, base: string): string {
  const path = built.get(name)?.files.get(base);
  if (!path) throw new Error(`${name}: ${base} was not written`);
  return path;
}

function interviewOf(name: string): Interview {
  return interviewSchema.parse(parse(readFileSync(join(fixtures, `${name}.yaml`), 'utf8')));
}

/** The chosen questions of an interview as printed: id and plain text. */
function chosenQuestions(interview: Interview): { id: string; text: string }[] {
  return selectQuestions(interview, guide).flatMap((g) => g.questions.map((q) => ({ id: q.id, text: q.custom ? q.text : plainGuideText(q.text) })));
}

/** Guide Markdown as printed: emphasis marks gone. */
function plainGuideText(markdown: string): string {
  return markdown.replace(/\*+/g, '');
}

/** The paragraphs of word/document.xml in order, each as its raw XML and its text. */
function docxParagraphs(path: string): { xml: string; text: string }[] {
  const xml = documentXml(path);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({ xml: p, text: normalize(xmlText(p)) }));
}

function documentXml(path: string): string {
  return strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
}

/** The text runs of some WordprocessingML, entities decoded. */
function xmlText(xml: string): string {
  return decodeXML([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\/>/g)].map((m) => (m[1] === undefined ? ' ' : m[1])).join(''));
}

/** A PDF's fillable text fields: name, page index and top edge (points from the top of the page). */
async function pdfFields(path: string): Promise<Map<string, { page: number; top: number }>> {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const fields = new Map<string, { page: number; top: number }>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = doc.context.lookup(annots!.get(k), PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Widget')) continue;
      const owner = annot.has(PDFName.of('T')) ? annot : annot.lookup(PDFName.of('Parent'), PDFDict);
      const title = owner.lookup(PDFName.of('T'));
      const name = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
      fields.set(name, { page: index, top: page.getHeight() - Math.max(rect[1]!, rect[3]!) });
    }
  });
  return fields;
}

/**
 * Where the words of `text` end on a page: the bottom of its last word, or
 * undefined when it is not there. A word broken at a line end ("recom-" then
 * "mend?" on the next line) is read as one word, with or without its hyphen,
 * as a reader's search finds it.
 */
function textBottom(words: readonly WordBox[], page: number, text: string): number | undefined {
  const want = normalize(text).split(' ');
  const onPage: { texts: string[]; yMax: number }[] = [];
  const boxes = words.filter((w) => w.page === page + 1).map((w) => ({ ...w, text: normalize(unescapeHtml(w.text)) }));
  for (let i = 0; i < boxes.length; i++) {
    const word = boxes[i]!;
    const next = boxes[i + 1];
    if (next && /\p{L}-$/u.test(word.text) && next.yMin >= word.yMax - 1) {
      onPage.push({ texts: [word.text.slice(0, -1) + next.text, word.text + next.text], yMax: next.yMax });
      i++;
    } else {
      onPage.push({ texts: [word.text], yMax: word.yMax });
    }
  }
  const head = want.slice(0, Math.min(4, want.length));
  for (let i = 0; i + head.length <= onPage.length; i++) {
    if (!head.every((t, k) => onPage[i + k]!.texts.includes(t))) continue;
    const last = want[want.length - 1]!;
    const end = onPage.slice(i, i + want.length + 40).find((w, k) => k >= want.length - 1 - 2 && w.texts.some((t) => t.endsWith(last)));
    if (end) return end.yMax;
  }
  return undefined;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The warning lines of a run's stderr that are not expected. */
function unexpectedWarnings(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /^(\S+: )?warning: /.test(line))
    .map((line) => line.replace(/^\S+\.yaml(:\d+)*: /, ''))
    .filter((line) => !EXPECTED_WARNINGS.some((re) => re.test(line)));
}

describe.each(PACKETS)('the whole chain for test/fixtures/chain/%s.yaml', (name) => {
  const interview = interviewOf(name);
  const questions = chosenQuestions(interview);
  const names = [interview.student.name, interview.mentor.name];

  it('renders the golden Markdown for the packet and the question sheet', async () => {
    await expectGolden(join(fixtures, `${name}.packet.md`), readFileSync(file(name, 'packet.md'), 'utf8'));
    await expectGolden(join(fixtures, `${name}.questions.md`), readFileSync(file(name, 'questions.md'), 'utf8'));
  });

  it('prints no warning but the expected practice checks', () => {
    expect(unexpectedWarnings(built.get(name)!.stderr)).toEqual([]);
  });

  it.each(['packet', 'questions'])('puts both names and every chosen question, unaltered, in the %s PDF and DOCX', (doc) => {
    const pdf = normalize(pdfText(file(name, `${doc}.pdf`)));
    const docx = normalize(docxParagraphs(file(name, `${doc}.docx`)).map((p) => p.text).join(' '));
    for (const [format, text] of [['DOCX', docx], ['PDF', pdf]] as const) {
      for (const person of names) expect(text, `${format}: ${person}`).toContain(normalize(person));
      for (const q of questions) expect(text, `${format}: ${q.id}`).toContain(normalize(q.text));
    }
  });

  it.each(['packet', 'questions'])('leaves no raw markup in the %s PDF text or the DOCX XML', (doc) => {
    const pdf = pdfText(file(name, `${doc}.pdf`));
    const xml = documentXml(file(name, `${doc}.docx`));
    for (const mark of RAW_MARKUP) {
      expect(pdf, `PDF: ${mark}`).not.toContain(mark);
      expect(xml, `DOCX: ${mark}`).not.toContain(mark);
    }
  });

  it.each(['packet', 'questions'])('follows every question of the %s PDF by its writing space on the same page', async (doc) => {
    const path = file(name, `${doc}.pdf`);
    const fields = await pdfFields(path);
    const words = pdfWordBoxes(path);
    for (const q of questions) {
      const field = fields.get(`answer-${q.id}`);
      expect(field, `answer-${q.id}`).toBeDefined();
      const bottom = textBottom(words, field!.page, q.text);
      expect(bottom, `question ${q.id} on the page of its writing space`).toBeDefined();
      expect(field!.top, `writing space below question ${q.id}`).toBeGreaterThanOrEqual(bottom! - 1);
    }
  });

  it.each(['packet', 'questions'])('follows every question of the %s DOCX by its ruled lines', (doc) => {
    expectQuestionsFollowedByLines(docxParagraphs(file(name, `${doc}.docx`)), questions.map((q) => q.text));
  });
});

/** Each question's paragraph is followed directly by an answer line. */
function expectQuestionsFollowedByLines(paragraphs: readonly { xml: string; text: string }[], questions: readonly string[]): void {
  const answerLine = `<w:pStyle w:val="${STYLE.answerLine}"/>`;
  for (const question of questions) {
    const at = paragraphs.findIndex((p) => p.text.includes(normalize(question)));
    expect(at, question).toBeGreaterThanOrEqual(0);
    expect(paragraphs[at + 1]?.xml ?? '', `ruled lines after "${question}"`).toContain(answerLine);
  }
}

describe.each(HANDOUTS)('the whole chain for the handout on %s paper', (size) => {
  const name = `handout-${size}`;
  const bank = guide.question_groups.flatMap((g) => g.questions.map((q) => plainGuideText(q.text)));

  it('renders the golden Markdown', async () => {
    // The page size changes the pages, never the words.
    await expectGolden(join(fixtures, 'handout.md'), readFileSync(file(name, 'handout.md'), 'utf8'));
  });

  it('prints no warning', () => {
    expect(unexpectedWarnings(built.get(name)!.stderr)).toEqual([]);
  });

  it('prints every question of the bank in the PDF and the DOCX, and no raw markup', () => {
    const pdf = pdfText(file(name, 'handout.pdf'));
    const xml = documentXml(file(name, 'handout.docx'));
    const docx = normalize(xmlText(xml));
    for (const q of bank) {
      expect(normalize(pdf)).toContain(normalize(q));
      expect(docx).toContain(normalize(q));
    }
    for (const mark of RAW_MARKUP) {
      expect(pdf, `PDF: ${mark}`).not.toContain(mark);
      expect(xml, `DOCX: ${mark}`).not.toContain(mark);
    }
  });

  it('is laid out on the paper asked for', async () => {
    const doc = await PDFDocument.load(readFileSync(file(name, 'handout.pdf')), { updateMetadata: false });
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual(size === 'a4' ? [595, 842] : [612, 792]);
  });

  it('follows every question of the DOCX by its ruled lines', () => {
    expectQuestionsFollowedByLines(docxParagraphs(file(name, 'handout.docx')), bank);
  });
});

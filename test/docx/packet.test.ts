/**
 * The packet and question sheet of content/examples/maya.yaml as Word
 * documents: built through the templates and parser the CLI uses, unzipped,
 * and read as Word reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/kits/select-questions.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { expectGolden } from '../helpers/golden.js';
import { bundledGuide } from '../helpers/kit.js';
import { FIXTURES, openDocx, paragraphs, paragraphWith, prettyDocumentXml, styleXml, tables, textOf, theme, type DocxParts } from './docx-helpers.js';
import { interview, kitTrees } from './real-documents.js';

const maya = interview('maya.yaml');
const questions = selectQuestions(maya, bundledGuide()).flatMap((group) => group.questions.map((q) => q.text.replace(/\*+/g, '')));
const ACCENT = '1F4E79';
/** The text column: the 5-inch measure of docs/typesetting.md, centred on Letter paper. */
const TEXT_WIDTH = 7200;

const gridCols = (table: string): number[] => [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
const rowsOf = (table: string): string[] => table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];

describe('the packet DOCX of maya.yaml', () => {
  let docx: DocxParts;
  let xml: string;
  let styles: string;
  let numbering: string;

  beforeAll(async () => {
    docx = openDocx(await writeDocx(kitTrees(maya).packet, { theme: theme() }));
    xml = docx.text('word/document.xml');
    styles = docx.text('word/styles.xml');
    numbering = docx.text('word/numbering.xml');
  });

  it('writes word/document.xml as the golden file (`vitest -u` rewrites it)', async () => {
    await expectGolden(`${FIXTURES}maya-packet-document.xml`, prettyDocumentXml(xml));
  });

  it('marks headings with the Heading styles, which keep with the next paragraph', () => {
    expect(paragraphWith(xml, 'Informational interview with Dr.\u00a0José Núñez')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(xml, 'Before the Meeting')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(xml, 'Know Yourself')).toContain('<w:pStyle w:val="Heading2"/>');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(styleXml(styles, id)).toContain('<w:keepNext/>');
      expect(styleXml(styles, id)).toContain('<w:keepLines/>');
    }
    expect(styleXml(styles, 'Heading2')).toContain(`<w:color w:val="${ACCENT}"/>`);
  });

  it("keeps a heading's intro and a run-in label with the block after them", () => {
    expect(paragraphWith(xml, 'Arrive already knowing who you are talking to')).toContain('<w:keepNext/>');
    expect(paragraphWith(xml, 'Still to find out')).toContain('<w:keepNext/>');
    expect(paragraphWith(xml, 'What you want to learn')).toContain('<w:keepNext/>');
  });

  it('keeps the first two and the last two lines of a list or checklist together, and controls widows', () => {
    const checklist = ['Write down two or three goals', 'List the decisions in front of you', 'Note your strengths and the gaps', 'Prepare a 30-second introduction'];
    expect(checklist.map((line) => paragraphWith(xml, line).includes('<w:keepNext/>'))).toEqual([true, false, true, false]);
    expect(paragraphWith(xml, 'See what L&D directors do day to day')).toContain('<w:keepNext/>');
    expect(paragraphWith(xml, 'Learn which skills to build this year')).not.toContain('<w:keepNext/>');
    expect(paragraphWith(xml, 'Before you ask for the meeting')).toContain('<w:widowControl/>');
  });

  it('sets the document language in the styles and the properties', () => {
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('<w:lang w:val="en-US"/>');
    expect(defaults).toContain('w:ascii="Noto Sans"');
    expect(defaults).toContain('<w:sz w:val="23"/>');
    expect(docx.text('docProps/core.xml')).toContain('<dc:language>en-US</dc:language>');
  });

  it('sets the cover table with a narrow bold label column, zebra rows and rows that never split', () => {
    const cover = tables(xml)[0]!;
    const [label, value] = gridCols(cover);
    expect(label! + value!).toBe(TEXT_WIDTH);
    expect(label! / TEXT_WIDTH).toBeGreaterThan(0.15);
    expect(label! / TEXT_WIDTH).toBeLessThan(0.35);
    const rows = rowsOf(cover);
    expect(textOf(rows[0]!)).toBe('StudentMaya Patel, M.A. Organizational Psychology');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(cover).not.toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:shd w:fill="F4F5F7"');
    expect(rows[1]).not.toContain('<w:shd');
    expect(rows[2]).toContain('<w:shd w:fill="F4F5F7"');
    expect(rows[0]).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Student</);
    // No grid of vertical rules: only light rules under the rows.
    expect(cover).toContain('<w:insideV w:val="none"');
    expect(cover).toContain('<w:insideH w:val="single" w:color="D3D7DD" w:sz="4"/>');
    expect(cover).toContain('<w:bottom w:val="single" w:color="D3D7DD" w:sz="4"/>');
  });

  it('keeps a short table on one page: every row but the last keeps with the next', () => {
    const rows = rowsOf(tables(xml)[0]!);
    rows.slice(0, -1).forEach((row) => expect(row).toContain('<w:keepNext/>'));
    expect(rows[rows.length - 1]).not.toContain('<w:keepNext/>');
  });

  it('fits the time plan columns to their content and repeats its header row', () => {
    const plan = tables(xml).find((table) => textOf(table).startsWith('WhenMinutesWhat'))!;
    const widths = gridCols(plan);
    expect(widths).toHaveLength(3);
    expect(widths.reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
    // "What" takes the room the short "When" and "Minutes" columns leave.
    expect(widths[2]! / TEXT_WIDTH).toBeGreaterThan(0.6);
    expect(widths[0]!).toBeGreaterThan(widths[1]! * 0.9);
    const [header, ...body] = rowsOf(plan);
    expect(header).toContain('<w:tblHeader/>');
    // The header row is in the Table Heading style: bold table text in the accent colour.
    expect(header).toMatch(/<w:pStyle w:val="TableHeading"\/>[\s\S]*?<w:t xml:space="preserve">When</);
    const heading = styleXml(styles, 'TableHeading');
    expect(heading).toContain('<w:basedOn w:val="TableText"/>');
    expect(heading).toMatch(/<w:b\/><w:bCs\/>/);
    expect(heading).toContain(`<w:color w:val="${ACCENT}"/>`);
    // The first column of the body rows is the label column.
    expect(body[0]).toMatch(/<w:pStyle w:val="TableLabel"\/>[\s\S]*?<w:t xml:space="preserve">0:00/);
    expect(styleXml(styles, 'TableLabel')).toMatch(/<w:b\/><w:bCs\/>/);
    expect(header).toContain(`<w:bottom w:val="single" w:color="${ACCENT}" w:sz="6"/>`);
    for (const row of body) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).not.toContain('<w:tblHeader/>');
    }
  });

  it('gives the paragraph after a table and the last item of a list a paragraph of space, with no empty paragraphs for spacing', () => {
    // The mentor table is followed by the guide's checklist when nothing is left to research.
    expect(paragraphWith(xml, 'Find out which academic program')).toMatch(/<w:spacing w:before="240"\/>/);
    expect(paragraphWith(xml, 'What you found so far')).toMatch(/<w:spacing w:before="240"\/>/);
    expect(paragraphWith(xml, 'Learn which skills to build this year')).toMatch(/<w:spacing w:after="160"\/>/);
    expect(paragraphWith(xml, 'See what L&D directors do day to day')).not.toContain('<w:spacing');
    const empty = paragraphs(xml).filter((p) => textOf(p) === '' && !p.includes('AnswerLine') && !p.includes('<w:sdt>') && !p.includes('w:type="page"'));
    expect(empty).toEqual([]);
  });

  it('numbers every question, keeps it with its writing lines, and each group counts on from the last', () => {
    expect(questions.length).toBeGreaterThan(8);
    let previousNumId = '';
    for (const question of questions) {
      const paragraph = paragraphWith(xml, question);
      expect(paragraph, question).toContain('<w:keepNext/>');
      expect(paragraph, question).toContain('<w:keepLines/>');
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1];
      expect(numId, question).toBeDefined();
      const after = xml.slice(xml.indexOf(paragraph) + paragraph.length);
      expect(after.startsWith('<w:p><w:pPr><w:pStyle w:val="AnswerLine"/>'), question).toBe(true);
      previousNumId = numId!;
    }
    expect(previousNumId).not.toBe('');
    // The third question opens a new group: its own list, whose number starts at 3.
    const third = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(xml, questions[2]!))![1];
    const first = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(xml, questions[0]!))![1];
    expect(third).not.toBe(first);
    const num = new RegExp(`<w:num w:numId="${third}">[\\s\\S]*?</w:num>`).exec(numbering)![0];
    expect(num).toContain('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>');
  });

  it('sets question numbers bold in the accent colour, all hanging from one indent', () => {
    const ordered = numbering.match(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)!.filter((n) => n.includes('<w:numFmt w:val="decimal"/>'));
    expect(ordered.length).toBeGreaterThan(1);
    for (const definition of ordered) {
      const first = /<w:lvl w:ilvl="0"[\s\S]*?<\/w:lvl>/.exec(definition)![0];
      expect(first).toContain('<w:lvlText w:val="%1."/>');
      expect(first).toContain('<w:ind w:left="560" w:hanging="560"/>');
      expect(first).toMatch(/<w:rPr>.*<w:b\/>.*<w:color w:val="1F4E79"\/>.*<\/w:rPr>/);
    }
  });

  it('opens checklist lines with a Word check box content control', () => {
    const line = paragraphWith(xml, 'Write down two or three goals for the meeting');
    expect(line).toContain('<w:pStyle w:val="Checklist"/>');
    expect(line).toContain('<w14:checkbox><w14:checked w14:val="0"/>');
    expect(line).toContain('<w:sym w:char="2610" w:font="MS Gothic"/>');
  });

  it("links the mentor's email as an external hyperlink in the Hyperlink style", () => {
    const paragraph = paragraphWith(xml, 'jnunez@example.com');
    const id = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(paragraph)![1];
    expect(paragraph).toContain('<w:rStyle w:val="Hyperlink"/>');
    expect(docx.text('word/_rels/document.xml.rels')).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:jnunez@example.com" TargetMode="External"`);
  });

  it('starts "Your questions" on a new page and puts the footer and "Page X of Y" on every page', () => {
    expect(paragraphWith(xml, 'Your questions')).toContain('<w:pageBreakBefore/>');
    const footer = docx.text('word/footer1.xml');
    expect(textOf(footer)).toContain('Maya Patel · Dr.\u00a0José Núñez, Acme Health');
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(footer).toContain(`<w:tab w:val="right" w:pos="${TEXT_WIDTH}"/>`);
  });
});

describe('the question sheet DOCX of maya.yaml', () => {
  it('asks every question in order, each with its number and writing lines', async () => {
    const xml = openDocx(await writeDocx(kitTrees(maya).questions, { theme: theme() })).text('word/document.xml');
    let at = 0;
    for (const question of questions) {
      const paragraph = paragraphWith(xml.slice(at), question);
      expect(paragraph).toContain('<w:numPr>');
      at = xml.indexOf(paragraph, at) + paragraph.length;
      expect(xml.slice(at).startsWith('<w:p><w:pPr><w:pStyle w:val="AnswerLine"/>'), question).toBe(true);
    }
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxLogoError, writeDocx } from '../../src/write/docx/index.js';
import { forgetBuiltPackages } from '../../src/write/docx/package.js';
import type { Root } from '../../src/tree/types.js';
import { FIXTURES, loadSampleTree, openDocx, paragraphWith, prettyDocumentXml, styleXml, theme, type DocxParts } from './docx-helpers.js';

// A 2×1 PNG (red, blue): enough for the header to size and embed a logo.
const LOGO_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAAH/8RKLnAAAAABJRU5ErkJggg==', 'base64'),
);

const GOLDEN = `${FIXTURES}sample-document.xml`;

describe('writeDocx on the sample tree', () => {
  let docx: DocxParts;
  let documentXml: string;

  beforeAll(async () => {
    docx = openDocx(await writeDocx(loadSampleTree(), { theme: theme() }));
    documentXml = docx.text('word/document.xml');
  });

  it('writes word/document.xml exactly as the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const actual = prettyDocumentXml(documentXml);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${GOLDEN} is missing; run with UPDATE_GOLDEN=1 to write it`);
      writeFileSync(GOLDEN, actual);
    }
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('marks headings with the Heading1, Heading2 and Heading3 styles', () => {
    expect(paragraphWith(documentXml, 'Prep packet: Meeting')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(documentXml, 'Before the meeting')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphWith(documentXml, 'What to bring')).toContain('<w:pStyle w:val="Heading3"/>');
  });

  it('styles headings in the accent colour and font family and keeps them with the next paragraph', () => {
    const styles = docx.text('word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      const style = styleXml(styles, id);
      expect(style).toContain('<w:color w:val="1F4E79"/>');
      expect(style).toContain('w:ascii="Noto Sans"');
      expect(style).toContain('<w:keepNext/>');
    }
  });

  it('sets body text in Noto Sans at 10.5 pt in the document defaults', () => {
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(docx.text('word/styles.xml'))![0];
    expect(defaults).toContain('w:ascii="Noto Sans"');
    expect(defaults).toContain('<w:sz w:val="21"/>');
  });

  it('sets the document language for spelling and screen readers', () => {
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(docx.text('word/styles.xml'))![0];
    expect(defaults).toContain('<w:lang w:val="en-US"/>');
    expect(docx.text('docProps/core.xml')).toContain('<dc:language>en-US</dc:language>');
  });

  it('writes title, author and subject into the document properties', () => {
    const core = docx.text('docProps/core.xml');
    expect(core).toContain('<dc:title>Informational Interview Prep Packet</dc:title>');
    expect(core).toContain('<dc:creator>Zoë Castellanos</dc:creator>');
    expect(core).toContain('<dc:subject>Meeting with Dr. Αθηνά Παπαδοπούλου</dc:subject>');
    expect(core).toContain('<dc:description>Meeting with Dr. Αθηνά Παπαδοπούλου</dc:description>');
  });

  it('numbers ordered lists through numbering.xml, each list counting from its own start', () => {
    const numbering = docx.text('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    const numIdOf = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(documentXml, text))?.[1];
    const first = numIdOf('How did you get started');
    const later = numIdOf('Who else would you recommend');
    expect(first).toBeDefined();
    expect(numIdOf('What does a typical week')).toBe(first);
    expect(later).not.toBe(first);
    // The follow-up list starts at 4: its instance restarts at 4.
    const num = new RegExp(`<w:num w:numId="${later}">[\\s\\S]*?</w:num>`).exec(numbering)![0];
    expect(num).toContain('<w:startOverride w:val="4"/>');
  });

  it('puts lists inside list items one level deeper', () => {
    expect(paragraphWith(documentXml, 'A notebook and two pens')).toContain('<w:ilvl w:val="0"/>');
    expect(paragraphWith(documentXml, 'Career path questions')).toContain('<w:ilvl w:val="1"/>');
    expect(paragraphWith(documentXml, 'Trends in the field')).toContain('<w:ilvl w:val="2"/>');
    expect(paragraphWith(documentXml, 'Technical skills')).toContain('<w:ilvl w:val="1"/>');
  });

  it('opens checklist lines with a Word check box content control that keeps the checked state', () => {
    const done = paragraphWith(documentXml, 'Confirm the time and place');
    const todo = paragraphWith(documentXml, 'Prepare a 30-second introduction');
    expect(done).toMatch(/^<w:p>.*<w:sdt><w:sdtPr>.*<w14:checkbox><w14:checked w14:val="1"\/>/);
    expect(done).toContain('<w:sym w:char="2612"');
    expect(todo).toContain('<w14:checked w14:val="0"/>');
    expect(todo).toContain('<w:sym w:char="2610"');
    expect(todo).toContain('<w:pStyle w:val="Checklist"/>');
  });

  it('makes links external hyperlinks to the URL in the Hyperlink style', () => {
    const paragraph = paragraphWith(documentXml, 'example.org/team');
    const id = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(paragraph)![1];
    expect(paragraph).toContain('<w:rStyle w:val="Hyperlink"/>');
    const rels = docx.text('word/_rels/document.xml.rels');
    expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/team/papadopoulou" TargetMode="External"`);
    expect(rels).toContain('Target="mailto:career@example.edu" TargetMode="External"');
    expect(styleXml(docx.text('word/styles.xml'), 'Hyperlink')).toContain('<w:u w:val="single"/>');
  });

  it('writes bold, italic, nested bold italic and line breaks as run properties', () => {
    const paragraph = paragraphWith(documentXml, 'Bring a printed copy');
    expect(paragraph).toContain('<w:r><w:br/></w:r>');
    expect(paragraph).toMatch(/<w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">bold italic</);
    expect(paragraphWith(documentXml, 'Café Müller')).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Café Müller, Zürich</);
  });

  it('rules answer lines 0.3 inch apart and keeps the question with them', () => {
    const question = paragraphWith(documentXml, 'How did you get started');
    expect(question).toContain('<w:keepNext/>');
    const after = documentXml.slice(documentXml.indexOf(question) + question.length);
    const lines = after.match(/^(<w:p><w:pPr><w:pStyle w:val="AnswerLine"\/>[^]*?<\/w:p>)+/)![0];
    expect(lines.match(/<w:pStyle w:val="AnswerLine"\/>/g)).toHaveLength(3);
    const style = styleXml(docx.text('word/styles.xml'), 'AnswerLine');
    expect(style).toContain('w:line="432" w:lineRule="exact"');
    expect(style).toMatch(/<w:bottom w:val="single" w:color="BFBFBF"/);
  });

  it('writes a table with light borders whose header row is bold and repeats', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(documentXml)![0];
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Topic</);
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:b/>');
    expect(table).toMatch(/<w:insideH w:val="single" w:color="BFBFBF" w:sz="4"\/>/);
  });

  it('sets callouts in the Callout style: indented, shaded, with an accent rule on the left', () => {
    expect(paragraphWith(documentXml, 'Arrive ten minutes early')).toContain('<w:pStyle w:val="Callout"/>');
    const style = styleXml(docx.text('word/styles.xml'), 'Callout');
    expect(style).toMatch(/<w:left w:val="single" w:color="1F4E79" w:sz="24"/);
    expect(style).toMatch(/<w:shd w:fill="E9EDF2"/);
    expect(style).toMatch(/<w:ind w:left="360" w:right="216"\/>/);
    const item = paragraphWith(documentXml, 'Listen more than you talk');
    expect(item).toMatch(/<w:left w:val="single" w:color="1F4E79"/);
  });

  it('starts the paragraph after a page break on a new page', () => {
    expect(paragraphWith(documentXml, '>Questions<')).toContain('<w:pageBreakBefore/>');
    expect(documentXml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it('keeps Greek, Cyrillic and accented text intact', () => {
    expect(documentXml).toContain('Дмитрий Иванов');
    expect(documentXml).toContain('Οι σημειώσεις σας');
    expect(documentXml).toContain('Your résumé, just in case');
  });

  it('puts the footer text and "Page X of Y" fields in the footer of every page', () => {
    expect(documentXml).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
    const footer = docx.text('word/footer1.xml');
    expect(footer).toContain('Zoë Castellanos · Prep packet');
    expect(footer).toMatch(/<w:t xml:space="preserve">Page <\/w:t>.*PAGE.*<w:t xml:space="preserve"> of <\/w:t>.*NUMPAGES/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(footer).toContain('<w:tab w:val="right" w:pos="10080"/>');
  });
});

describe('writeDocx page setup and branding', () => {
  it('uses Letter paper in twips with the theme margins', async () => {
    const docx = openDocx(await writeDocx(loadSampleTree(), { theme: theme({ pageSize: 'letter' }) }));
    const xml = docx.text('word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080"/);
  });

  it('uses A4 paper in twips and converts margins from points', async () => {
    const margins = { top: 72, right: 36, bottom: 50.4, left: 54 };
    const docx = openDocx(await writeDocx(loadSampleTree(), { theme: theme({ pageSize: 'a4', margins }) }));
    const xml = docx.text('word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="720" w:bottom="1008" w:left="1080"/);
    // The page number sits at the right edge of the narrower text block.
    expect(docx.text('word/footer1.xml')).toContain(`w:pos="${11906 - 720 - 1080}"`);
  });

  it('follows the theme font family and accent colour', async () => {
    const docx = openDocx(await writeDocx(loadSampleTree(), { theme: theme({ fontFamily: 'noto-serif', accent: '#7a1f3d' }) }));
    const styles = docx.text('word/styles.xml');
    expect(styles).toContain('w:ascii="Noto Serif"');
    expect(styles).not.toContain('Noto Sans');
    expect(styleXml(styles, 'Heading2')).toContain('<w:color w:val="7A1F3D"/>');
  });

  it('writes no header without an office, and the office name and logo when there is one', async () => {
    const plain = openDocx(await writeDocx(loadSampleTree(), { theme: theme() }));
    expect(plain.names.some((name) => name.startsWith('word/header'))).toBe(false);

    const office = { name: 'Career Center', contact: [], logo: { bytes: LOGO_PNG, type: 'png' as const } };
    const branded = openDocx(await writeDocx(loadSampleTree(), { theme: theme({ office }) }));
    const header = branded.text('word/header1.xml');
    expect(header).toContain('Career Center');
    expect(header).toMatch(/<wp:extent cx="\d+" cy="\d+"\/>/);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(header)!;
    expect(Number(cx) / Number(cy)).toBeCloseTo(2, 1);
    const media = branded.names.filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(branded.bytes(media[0]!)).toEqual(LOGO_PNG);
    expect(branded.text('word/document.xml')).toContain('<w:headerReference w:type="default"');
  });

  it('rejects a logo that is not the image it claims to be, saying how to fix it', async () => {
    const office = { name: 'Career Center', contact: [], logo: { bytes: new Uint8Array([1, 2, 3, 4]), type: 'jpeg' as const } };
    await expect(writeDocx(loadSampleTree(), { theme: theme({ office }) })).rejects.toThrow(DocxLogoError);
    await expect(writeDocx(loadSampleTree(), { theme: theme({ office }) })).rejects.toThrow(/re-export it as PNG/);
  });

  it('writes a minimal document with no footer text and an empty body', async () => {
    const tree: Root = { type: 'root', meta: { title: 'Empty', author: 'A', language: 'fr-CH' }, children: [] };
    const docx = openDocx(await writeDocx(tree, { theme: theme() }));
    expect(docx.text('word/footer1.xml')).toMatch(/<w:tab\/>.*<w:t xml:space="preserve">Page <\/w:t>/);
    expect(docx.text('word/styles.xml')).toContain('<w:lang w:val="fr-CH"/>');
  });

  it('escapes XML in text and link targets, drops characters XML forbids, and links from table cells too', async () => {
    const text = (value: string) => [{ type: 'text' as const, value }];
    const url = 'https://example.org/a?b=1&c="2"';
    const tree: Root = {
      type: 'root',
      meta: { title: 'Escapes', author: 'A', language: 'en-US' },
      children: [
        { type: 'paragraph', children: text('a < b & "c" \'d\' >\u0001\u000b e') },
        { type: 'table', header: false, rows: [[{ type: 'tableCell', children: [{ type: 'link', url, children: text('site') }] }]] },
        { type: 'list', ordered: true, start: 3, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'mailto:x@example.org', children: [] }] }] }] },
      ],
    };
    const docx = openDocx(await writeDocx(tree, { theme: theme() }));
    const xml = docx.text('word/document.xml');
    expect(xml).toContain('<w:t xml:space="preserve">a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e</w:t>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const rels = docx.text('word/_rels/document.xml.rels');
    const ids = [...xml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(rels).toContain(`Id="${ids[0]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a?b=1&amp;c=&quot;2&quot;"`);
    // A link without text shows its target; the list's number refers to a numbering instance that starts at 3.
    expect(xml).toContain(`r:id="${ids[1]}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">mailto:x@example.org</w:t>`);
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(xml)![1];
    const numbering = docx.text('word/numbering.xml');
    const num = new RegExp(`<w:num w:numId="${numId}">.*?</w:num>`).exec(numbering)![0];
    expect(num).toContain('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>');
    const abstractId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(num)![1];
    expect(numbering).toMatch(new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?<w:numFmt w:val="decimal"/>`));
  });

  it("reuses the package of a document of the same shape but fills in each document's own title, author, footer and links", async () => {
    const doc = (who: string, url: string): Root => ({
      type: 'root',
      meta: { title: `Packet for ${who}`, author: who, subject: `Meeting ${who}`, footer: `${who} · footer`, language: 'en-US' },
      children: [
        { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: 'profile' }] }] },
        { type: 'list', ordered: false, start: 1, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: who }] }] }] },
      ],
    });
    const shared = theme();
    await writeDocx(doc('Ana', 'https://example.org/ana'), { theme: shared });
    const second = await writeDocx(doc('Bo & "Cy" <Dee>', 'https://example.org/b?x=1&y=2'), { theme: shared });
    forgetBuiltPackages();
    const alone = await writeDocx(doc('Bo & "Cy" <Dee>', 'https://example.org/b?x=1&y=2'), { theme: theme() });
    expect(Buffer.from(second).equals(Buffer.from(alone))).toBe(true);
    const docx = openDocx(second);
    expect(docx.text('docProps/core.xml')).toContain('<dc:title>Packet for Bo &amp; &quot;Cy&quot; &lt;Dee&gt;</dc:title>');
    expect(docx.text('docProps/core.xml')).toContain('<dc:creator>Bo &amp; &quot;Cy&quot; &lt;Dee&gt;</dc:creator>');
    expect(docx.text('word/footer1.xml')).toContain('Bo &amp; &quot;Cy&quot; &lt;Dee&gt; · footer');
    expect(docx.text('word/_rels/document.xml.rels')).toContain('Target="https://example.org/b?x=1&amp;y=2"');
    const all = docx.names.map((name) => (name.endsWith('.xml') || name.endsWith('.rels') ? docx.text(name) : '')).join('');
    expect(all).not.toContain('Ana');
    expect(all).not.toContain('\uE000');
  });

  it('breaks the page before a table with a page-break run, drops a break at the very end, and skips a table without rows', async () => {
    const text = (value: string) => [{ type: 'text' as const, value }];
    const tree: Root = {
      type: 'root',
      meta: { title: 'Breaks', author: 'A', language: 'en-US' },
      children: [
        { type: 'paragraph', children: text('First page') },
        { type: 'pageBreak' },
        { type: 'table', header: false, rows: [[{ type: 'tableCell', children: text('Cell') }]] },
        { type: 'table', header: true, rows: [] },
        { type: 'pageBreak' },
      ],
    };
    const xml = openDocx(await writeDocx(tree, { theme: theme() })).text('word/document.xml');
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(1);
    expect(xml.indexOf('<w:br w:type="page"/>')).toBeLessThan(xml.indexOf('Cell'));
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).not.toContain('<w:pageBreakBefore/>');
  });
});

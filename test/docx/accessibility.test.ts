/**
 * The accessibility of the Word documents, read from their XML: a title and
 * language in the core properties, alternate text on the office logo, real
 * heading styles, repeating table header rows, and no empty paragraphs — a
 * screen reader says "blank" for each one — not even for writing space.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/write/docx/index.js';
import { repoRoot } from '../helpers/kit.js';
import { openDocx, paragraphs, styleXml, textOf, theme } from './docx-helpers.js';
import { handoutTree, interview, kitTrees, letterTree } from './real-documents.js';

const maya = interview('maya.yaml');
const logo = { bytes: new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures/pdf/office-logo.png'))), type: 'png' as const };
const branded = theme({ office: { name: 'Career Services Office', contact: ['careers@example.edu'], logo } });

const documents = async () => ({
  packet: openDocx(await writeDocx(kitTrees(maya).packet, { theme: branded })),
  questions: openDocx(await writeDocx(kitTrees(maya).questions, { theme: branded })),
  letter: openDocx(await writeDocx(letterTree(interview('maya-after.yaml')), { theme: theme() })),
  handout: openDocx(await writeDocx(handoutTree(), { theme: branded })),
});

describe('every Word document', async () => {
  const docs = await documents();

  it.each(Object.keys(docs))('%s: has its title and language in the core properties and styles', (name) => {
    const docx = docs[name as keyof typeof docs];
    const core = docx.text('docProps/core.xml');
    expect(core).toMatch(/<dc:title>[^<]+<\/dc:title>/);
    expect(core).toMatch(/<dc:language>en(-US)?<\/dc:language>/);
    expect(docx.text('word/styles.xml')).toMatch(/<w:lang w:val="en(-US)?"/);
  });

  it.each(Object.keys(docs))('%s: has no empty paragraph', (name) => {
    // A table cell holds a paragraph even when it is empty; that is not spacing.
    const xml = docs[name as keyof typeof docs].text('word/document.xml').replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    const empty = paragraphs(xml).filter((p) => textOf(p).trim() === '' && !p.includes('<w:tab/>') && !p.includes('<w:sdt>') && !p.includes('w:type="page"'));
    expect(empty).toEqual([]);
  });

  it('gives the office logo alternate text', () => {
    const header = docs.packet.names
      .filter((path) => /^word\/header\d*\.xml$/.test(path))
      .map((path) => docs.packet.text(path))
      .join('');
    expect(header).toMatch(/<wp:docPr [^>]*descr="Career Services Office logo"/);
  });

  it('marks table header rows as repeating and headings with Heading styles', () => {
    const xml = docs.packet.text('word/document.xml');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(docs.packet.text('word/styles.xml')).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
  });

  it('sets each writing space as one paragraph of ruled lines, announced once', () => {
    const xml = docs.questions.text('word/document.xml');
    const spaces = paragraphs(xml).filter((p) => p.includes('<w:pStyle w:val="AnswerLine"/>'));
    expect(spaces.length).toBeGreaterThan(5);
    for (const space of spaces) {
      expect(space.match(/<w:tab\/>/g)!.length).toBeGreaterThan(1);
      expect(space.match(/<w:br\/>/g)!.length).toBe(space.match(/<w:tab\/>/g)!.length - 1);
      // The Answer Line style underlines each tab in light grey.
      expect(space).not.toContain('<w:rPr>');
    }
    expect(styleXml(docs.questions.text('word/styles.xml'), 'AnswerLine')).toMatch(/<w:rPr>[\s\S]*<w:u w:val="single" w:color="C4C9D1"\/>/);
  });
});

/**
 * The writer's page setup, branding and edge cases: paper sizes, the theme,
 * the office header and logo, escaping, page breaks, empty documents.
 */
import { describe, expect, it } from 'vitest';
import { DocxLogoError, writeDocx } from '../../src/write/docx/index.js';
import type { Root } from '../../src/tree/types.js';
import { openDocx, styleXml, theme } from './docx-helpers.js';
import { interview, kitTrees } from './real-documents.js';

// A 2×1 PNG (red, blue): enough for the header to size and embed a logo.
const LOGO_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAAH/8RKLnAAAAABJRU5ErkJggg==', 'base64'),
);

const packet = (): Root => kitTrees(interview('maya.yaml')).packet;

describe('writeDocx page setup and branding', () => {
  it('uses Letter paper in twips and centres a 5-inch text column between the theme margins', async () => {
    const docx = openDocx(await writeDocx(packet(), { theme: theme({ pageSize: 'letter' }) }));
    const xml = docx.text('word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1080" w:right="2520" w:bottom="1080" w:left="2520"/);
  });

  it('keeps margins wider than the measure needs', async () => {
    const margins = { top: 54, right: 144, bottom: 54, left: 144 };
    const xml = openDocx(await writeDocx(packet(), { theme: theme({ margins }) })).text('word/document.xml');
    expect(xml).toMatch(/<w:pgMar w:top="1080" w:right="2880" w:bottom="1080" w:left="2880"/);
  });

  it('uses A4 paper in twips and converts margins from points', async () => {
    const margins = { top: 72, right: 36, bottom: 50.4, left: 54 };
    const docx = openDocx(await writeDocx(packet(), { theme: theme({ pageSize: 'a4', margins }) }));
    const xml = docx.text('word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 10,106 twips between the margins: the 7,200-twip column is centred in them.
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="2173" w:bottom="1008" w:left="2533"/);
    // The page number sits at the right edge of the text column.
    expect(docx.text('word/footer1.xml')).toContain('w:pos="7200"');
  });

  it('follows the theme font family and accent colour', async () => {
    const docx = openDocx(await writeDocx(packet(), { theme: theme({ fontFamily: 'noto-serif', accent: '#7a1f3d' }) }));
    const styles = docx.text('word/styles.xml');
    expect(styles).toContain('w:ascii="Noto Serif"');
    expect(styles).not.toContain('Noto Sans');
    expect(styleXml(styles, 'Heading2')).toContain('<w:color w:val="7A1F3D"/>');
  });

  it('writes no header without an office, and the office name and logo when there is one', async () => {
    const plain = openDocx(await writeDocx(packet(), { theme: theme() }));
    expect(plain.names.some((name) => name.startsWith('word/header'))).toBe(false);

    const office = { name: 'Career Center', contact: ['careers@example.edu', '555-0100'], logo: { bytes: LOGO_PNG, type: 'png' as const } };
    const branded = openDocx(await writeDocx(packet(), { theme: theme({ office }) }));
    const header = branded.text('word/header1.xml');
    expect(header).toContain('Career Center');
    expect(header).toMatch(/<w:tab\/><\/w:r><w:r><w:t xml:space="preserve">careers@example.edu  ·  555-0100<\/w:t>/);
    expect(header).toContain('<w:tab w:val="right" w:pos="7200"/>');
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
    await expect(writeDocx(packet(), { theme: theme({ office }) })).rejects.toThrow(DocxLogoError);
    await expect(writeDocx(packet(), { theme: theme({ office }) })).rejects.toThrow(/re-export it as PNG/);
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

  it('defines the list levels a document reaches: one for flat lists, two for a list inside an item', async () => {
    const item = (value: string, ...more: Root['children']): Extract<Root['children'][number], { type: 'list' }>['children'][number] => ({
      type: 'listItem',
      children: [{ type: 'paragraph', children: [{ type: 'text', value }] }, ...more],
    });
    const flat: Root = { type: 'root', meta: { title: 'Flat', author: 'A', language: 'en' }, children: [{ type: 'list', ordered: false, start: 1, children: [item('one'), item('two')] }] };
    const nested: Root = {
      type: 'root',
      meta: { title: 'Nested', author: 'A', language: 'en' },
      children: [{ type: 'list', ordered: true, start: 1, children: [item('one', { type: 'list', ordered: false, start: 1, children: [item('inner')] }), item('two')] }],
    };
    const levelsOf = async (tree: Root) => {
      const docx = openDocx(await writeDocx(tree, { theme: theme() }));
      const xml = docx.text('word/document.xml');
      const numbering = docx.text('word/numbering.xml');
      // The abstract numbering each paragraph's list refers to, and the levels it defines.
      return [...xml.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)].map(([, level, numId]) => {
        const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
        const definition = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?</w:abstractNum>`).exec(numbering)![0];
        return { level: Number(level), defined: [...definition.matchAll(/<w:lvl w:ilvl="(\d)"/g)].map((m) => Number(m[1])) };
      });
    };
    expect(await levelsOf(flat)).toEqual([{ level: 0, defined: [0] }, { level: 0, defined: [0] }]);
    expect(await levelsOf(nested)).toEqual([
      { level: 0, defined: [0, 1] },
      { level: 1, defined: [0, 1] },
      { level: 0, defined: [0, 1] },
    ]);
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

describe('a long table', () => {
  it('repeats its header and keeps two body rows with it and the last two together, letting the middle break', async () => {
    const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
    const rows = [[cell('When'), cell('What')], ...Array.from({ length: 12 }, (_, i) => [cell(`0:0${i}`), cell(`Step ${i + 1}`)])];
    const tree: Root = { type: 'root', meta: { title: 'Plan', author: 'A', language: 'en-US' }, children: [{ type: 'table', header: true, rows }] };
    const xml = openDocx(await writeDocx(tree, { theme: theme() })).text('word/document.xml');
    const keeps = (xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((row) => row.includes('<w:keepNext/>'));
    expect(keeps).toEqual([true, true, ...Array.from({ length: 9 }, () => false), true, false]);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutDocument, type Box, type LayoutResult } from '../../src/write/pdf/index.js';
import { wrapRuns } from '../../src/write/pdf/wrap-line.js';
import { breakOpportunities, breaksOnlyAfterSpaces, uaxBreakOpportunities } from '../../src/write/pdf/line-breaks.js';

import { resolveTheme } from '../../src/theme.js';
import { createTypography } from '../../src/write/pdf/typography.js';
import type { Block, List, Table } from '../../src/tree/types.js';
import { build, fixturePath, fonts, loadSampleTree, notoMetrics, words } from './pdf-test-kit.js';

const metrics = notoMetrics();
const theme = resolveTheme();
const typography = createTypography(theme);
const LEFT = typography.left;
const RIGHT = typography.right;
const TOP = theme.margins.top;
const BOTTOM = 792 - theme.margins.bottom;
const EPS = 0.011;

type TextBox = Extract<Box, { kind: 'text' }>;
const texts = (layout: LayoutResult, page: number): TextBox[] =>
  layout.pages[page]!.boxes.filter((b): b is TextBox => b.kind === 'text');
/** Index of the first page with a text run containing `needle` (-1 if none). */
const pageOfText = (layout: LayoutResult, needle: string): number =>
  layout.pages.findIndex((_, i) => texts(layout, i).some((t) => t.text.includes(needle)));
const isFurniture = (t: TextBox): boolean => t.y > BOTTOM || t.y < TOP;

/** One box per line: valid JSON that diffs well. */
function formatLayout(layout: LayoutResult): string {
  const pages = layout.pages.map((p) => `{"boxes":[\n${p.boxes.map((b) => JSON.stringify(b)).join(',\n')}\n]}`);
  return (
    `{"pageWidth":${layout.pageWidth},"pageHeight":${layout.pageHeight},\n` +
    `"bookmarks":${JSON.stringify(layout.bookmarks)},\n` +
    `"missingCharacters":${JSON.stringify(layout.missingCharacters)},\n` +
    `"findings":${JSON.stringify(layout.findings)},\n` +
    `"structure":[\n${layout.structure.map((e) => JSON.stringify(e)).join(',\n')}\n],\n` +
    `"pages":[\n${pages.join(',\n')}\n]}\n`
  );
}

describe('layoutDocument on the sample tree', () => {
  const layout = layoutDocument(loadSampleTree(), theme, metrics);

  it('matches the golden layout in test/fixtures/pdf/sample-layout.json', () => {
    const golden = fixturePath('sample-layout.json');
    const actual = formatLayout(layout);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(existsSync(golden), 'run with UPDATE_GOLDEN=1 once to create the golden file').toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
    expect(JSON.parse(actual)).toEqual(JSON.parse(JSON.stringify(layout)));
  });

  it('needs at least three pages and ends on a page with body text', () => {
    expect(layout.pages.length).toBeGreaterThanOrEqual(3);
    const last = layout.pages.length - 1;
    expect(texts(layout, last).filter((t) => !isFurniture(t)).length).toBeGreaterThan(0);
  });

  it('keeps every text run inside the left and right margins', () => {
    const runs = layout.pages.flatMap((_, i) => texts(layout, i));
    expect(runs.length).toBeGreaterThan(100);
    for (const t of runs) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(LEFT - EPS);
      expect(t.x + t.width, t.text).toBeLessThanOrEqual(RIGHT + EPS);
    }
  });

  it('keeps body text between the top and bottom margins (only the footer lies below)', () => {
    layout.pages.forEach((_, i) => {
      const outside = texts(layout, i).filter(isFurniture).map((t) => t.text);
      expect(outside).toEqual([expect.stringContaining('Zoë Ångström-Núñez'), `Page ${i + 1} of ${layout.pages.length}`]);
      for (const t of texts(layout, i).filter((t) => !isFurniture(t))) {
        expect(t.y + t.size * 0.3).toBeLessThanOrEqual(BOTTOM);
      }
    });
  });

  it('breaks the long italic word and the long URL instead of overflowing', () => {
    const all = layout.pages.flatMap((_, i) => texts(layout, i));
    const wordParts = all.filter((t) => t.font === 'italic' && t.text !== 'not');
    expect(wordParts.length).toBeGreaterThanOrEqual(2);
    expect(wordParts.map((t) => t.text).join('')).toBe(
      'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsausweisinhaberinnenverzeichnis',
    );
    const url = all.filter((t) => t.text.includes('preparing-for-your-first') || t.text.startsWith('https://careers'));
    expect(url.length).toBeGreaterThanOrEqual(1);
  });

  it('puts a bookmark on every H1 and H2, at the page the heading is on', () => {
    expect(layout.bookmarks.map((b) => [b.level, b.title])).toEqual([
      [1, 'Prep packet: meeting Dr. Ελένη Παπαδοπούλου'],
      [2, 'Know yourself'],
      [2, 'Know the mentor'],
      [2, 'Time plan'],
      [1, 'Your questions'],
      [2, 'Closing the meeting'],
      [1, 'After the meeting'],
    ]);
    const headingPage = (title: string): number =>
      layout.pages.findIndex((_, i) => texts(layout, i).some((t) => t.size > typography.body.size && t.text.includes(title)));
    for (const b of layout.bookmarks) expect(headingPage(b.title.slice(0, 12))).toBe(b.page);
  });

  it('draws a link area over every line of a wrapped link, all with the URL', () => {
    const url =
      'https://careers.example-university.edu/informational-interviews/resources/2026/preparing-for-your-first-conversation?utm_source=packet&utm_medium=print&ref=maya-patel';
    const areas = layout.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'link' && b.url === url);
    const lines = layout.pages.flatMap((_, i) => texts(layout, i)).filter((t) => t.color === '#1f4e79' && url.includes(t.text) && t.text.length > 12);
    expect(areas.length).toBe(lines.length);
    expect(areas.length).toBeGreaterThanOrEqual(2);
  });

  it('draws a tick box for every checkbox, ticked when checked', () => {
    const boxes = layout.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'checkbox');
    expect(boxes.map((b) => [b.checked, b.name ?? null])).toEqual([
      [false, 'found-mission'],
      [true, null],
      [false, 'news-checked'],
      [false, null],
      [false, 'objective-met'],
      [false, null],
      [false, 'business-card'],
    ]);
  });
});

describe('wrapping', () => {
  const size = 10.5;
  const joined = (lines: ReturnType<typeof wrapRuns>): string => lines.map((l) => l.fragments.map((f) => f.text).join('')).join('');

  it('wraps a word longer than the line', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
    const lines = wrapRuns([{ text: word, font: 'regular' }], 120, size, metrics);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120 + 1e-6);
    expect(joined(lines)).toBe(word);
  });

  it('breaks a long URL after a slash, dot, hyphen or query character', () => {
    const url = 'https://example.org/a-rather-long/path/to-a/resource.html?first=one&second=two&third=three';
    const lines = wrapRuns([{ text: url, font: 'regular', link: url }], 110, size, metrics);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) {
      expect(line.width).toBeLessThanOrEqual(110 + 1e-6);
      expect('/-.?&=_').toContain(line.fragments.at(-1)!.text.at(-1));
    }
    expect(joined(lines)).toBe(url);
    for (const line of lines) for (const f of line.fragments) expect(f.link).toBe(url);
  });

  it('moves a word that does not fit to the next line and drops the space', () => {
    const lines = wrapRuns([{ text: 'alpha beta gamma delta', font: 'regular' }], metrics.widthOf('alpha beta gamm', 'regular', size), size, metrics);
    expect(lines.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['alpha beta', 'gamma delta']);
  });

  it('keeps words that span two faces together and splits fragments by face', () => {
    const lines = wrapRuns(
      [
        { text: 'see ', font: 'regular' },
        { text: 'bold', font: 'bold' },
        { text: ', then more', font: 'regular' },
      ],
      500,
      size,
      metrics,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fragments.map((f) => [f.text, f.font])).toEqual([
      ['see ', 'regular'],
      ['bold', 'bold'],
      [', then more', 'regular'],
    ]);
    const [a, b, c] = lines[0]!.fragments;
    expect(b!.x).toBeCloseTo(a!.width, 6);
    expect(c!.x).toBeCloseTo(a!.width + b!.width, 6);
  });

  it('starts a new line at a forced break', () => {
    const lines = wrapRuns(
      [
        { text: 'first', font: 'regular' },
        { text: '\n', font: 'regular' },
        { text: 'second', font: 'regular' },
      ],
      500,
      size,
      metrics,
    );
    expect(lines.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['first', 'second']);
  });

  const lineTexts = (lines: ReturnType<typeof wrapRuns>): string[] => lines.map((l) => l.fragments.map((f) => f.text).join(''));
  /** The width of `text` plus a little: room for exactly that much on a line. */
  const room = (text: string): number => metrics.widthOf(text, 'regular', size) + 0.5;

  it('breaks a double-barrelled name only when it is wider than the line, and a lowercase compound at its hyphen', () => {
    const text = 'Questions for Featherstonehaugh-Cholmondeley';
    const lines = wrapRuns([{ text, font: 'regular' }], room('Questions for Featherstonehaugh-Chol'), size, metrics);
    expect(lineTexts(lines)).toEqual(['Questions for', 'Featherstonehaugh-Cholmondeley']);
    const narrow = wrapRuns([{ text: 'Featherstonehaugh-Cholmondeley', font: 'regular' }], room('Featherstonehaugh-'), size, metrics);
    expect(lineTexts(narrow)).toEqual(['Featherstonehaugh-', 'Cholmondeley']);
    const prose = wrapRuns([{ text: 'a truly well-known place', font: 'regular' }], room('a truly well-kn'), size, metrics);
    expect(lineTexts(prose)).toEqual(['a truly well-', 'known place']);
  });

  it('hyphenates a long lowercase word that would leave the line short', () => {
    const text = 'We will talk about the organizational structure';
    const lines = wrapRuns([{ text, font: 'regular' }], room('We will talk about the organiza-'), size, metrics, { hyphenate: true });
    expect(lineTexts(lines)).toEqual(['We will talk about the organiza-', 'tional structure']);
    const plain = wrapRuns([{ text, font: 'regular' }], room('We will talk about the organiza-'), size, metrics);
    expect(lineTexts(plain)[0]).toBe('We will talk about the');
  });

  it('never hyphenates names, e-mail addresses or URLs', () => {
    for (const word of ['Wolfeschlegelsteinhausen', 'Organizational', 'careers@example-university.edu', 'https://example.edu/informational']) {
      const text = `Please write to ${word} today`;
      // The word fits a line of its own, but not after "Please write to".
      const lines = wrapRuns([{ text, font: 'regular' }], room(`${word} x`), size, metrics, { hyphenate: true });
      expect(lineTexts(lines)[0], word).toBe('Please write to');
      expect(lineTexts(lines).join(' '), word).toBe(text);
    }
  });

  it('does not hyphenate two lines in a row more than twice', () => {
    const text = Array.from({ length: 12 }, () => 'responsibilities').join(' ');
    const lines = lineTexts(wrapRuns([{ text, font: 'regular' }], room('responsibilities respon-'), size, metrics, { hyphenate: true }));
    let run = 0;
    for (const line of lines) {
      run = line.endsWith('-') ? run + 1 : 0;
      expect(run).toBeLessThanOrEqual(2);
    }
    expect(lines.some((line) => line.endsWith('-'))).toBe(true);
  });

  it('never breaks at a no-break space', () => {
    const text = 'Please thank Dr.\u00a0Núñez for the time';
    const lines = lineTexts(wrapRuns([{ text, font: 'regular' }], room('Please thank Dr.\u00a0'), size, metrics));
    expect(lines[0]).toBe('Please thank');
    expect(lines[1]!.startsWith('Dr.\u00a0Núñez')).toBe(true);
  });

  it('wraps Chinese and Japanese text between characters, keeping closing punctuation with its character', () => {
    const text = '我们的公司在北京。東京の会社です';
    const width = metrics.widthOf('我们的公司', 'regular', size) + 0.5;
    const lines = lineTexts(wrapRuns([{ text, font: 'regular' }], width, size, metrics));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(line.startsWith('。')).toBe(false);
  });

  it('breaks after a hyphen in running text but not inside an address', () => {
    const text = 'a well-known firm at careers@acme-health.example';
    const lines = lineTexts(wrapRuns([{ text, font: 'regular' }], room('careers@acme-health.example'), size, metrics));
    expect(lines).toEqual(['a well-known firm at', 'careers@acme-health.example']);
    const wide = lineTexts(wrapRuns([{ text, font: 'regular' }], room('a well-known firm at careers@acme-'), size, metrics));
    expect(wide).toEqual(['a well-known firm at', 'careers@acme-health.example']);
    const narrow = lineTexts(wrapRuns([{ text, font: 'regular' }], room('a well-'), size, metrics));
    expect(narrow[0]).toBe('a well-');
  });

  it('finds the same break opportunities as UAX #14 when it takes the shortcut', () => {
    const text = readFileSync(new URL('../../content/guide.yaml', import.meta.url), 'utf8')
      .split('\n')
      .filter(breaksOnlyAfterSpaces);
    expect(text.length).toBeGreaterThan(50);
    for (const line of text) expect(breakOpportunities(line), line).toEqual(uaxBreakOpportunities(line));
  });
});

/** Short paragraphs that push what follows down the page by about a line each. */
const pushDown = (n: number): Block[] => Array.from({ length: n }, (_, i) => build.paragraph(`Filler paragraph ${i}.`));

/** A paragraph of exactly `k` lines (forced breaks). */
const linesParagraph = (k: number): Block => ({
  type: 'paragraph',
  children: Array.from({ length: k }, (_, i) => [build.text(`Spacer line ${i}`), { type: 'break' as const }]).flat().slice(0, -1),
});

/**
 * Spacers of many different heights (short paragraphs of 21.7 pt, paragraphs
 * of 1–6 lines of 14.7 pt, ruled lines of 22 pt, in every combination), so
 * whatever follows them lands at every position relative to a page end.
 */
const spacers = (): Block[][] => {
  const out: Block[][] = [];
  for (let n = 0; n < 9; n++)
    for (let k = 0; k < 7; k++)
      for (let m = 0; m < 3; m++) out.push([...pushDown(n), ...(k > 0 ? [linesParagraph(k)] : []), ...(m > 0 ? [build.lines(m)] : [])]);
  return out;
};

describe('pagination', () => {
  it('never splits a question from its answer lines, wherever the page ends', () => {
    let movedWhole = 0;
    spacers().forEach((spacer, n) => {
      const questions = ['What does a typical day look like?', `${words(30, 'Longer')} question?`, 'Who else should I talk to?', 'What would you do differently?', 'Which associations matter?', 'How did you start?'];
      const list = build.questions(questions, 4);
      // One question carries a hint list between its text and its lines.
      const hints: List = {
        type: 'list',
        ordered: false,
        start: 1,
        children: [
          { type: 'listItem', children: [build.paragraph('A hint')] },
          { type: 'listItem', children: [build.paragraph('Another hint')] },
        ],
      };
      const withHint: List = {
        ...list,
        children: list.children.map((item, i) => (i === 2 ? { ...item, children: [item.children[0]!, hints, item.children[1]!] } : item)),
      };
      const layout = layoutDocument(build.root([build.paragraph(words(450)), ...spacer, withHint]), theme, metrics);
      expect(pageOfText(layout, 'Another hint'), `variant ${n}`).toBe(pageOfText(layout, questions[2]!));
      questions.forEach((question, i) => {
        if (i > 0 && pageOfText(layout, question.slice(0, 20)) > pageOfText(layout, questions[i - 1]!.slice(0, 20))) movedWhole++;
        const page = pageOfText(layout, question.slice(0, 20));
        const fields = layout.pages.flatMap((p, pi) => p.boxes.map((b) => ({ b, pi }))).filter(({ b }) => b.kind === 'field' && b.name === `q${i + 1}`);
        expect(fields, `variant ${n}, question ${i + 1}`).toHaveLength(1);
        const { b: field, pi } = fields[0]!;
        expect(pi, `variant ${n}, question ${i + 1}`).toBe(page);
        expect(field.kind === 'field' && field.height).toBe(4 * typography.answerLines.pitch);
      });
    });
    expect(movedWhole).toBeGreaterThan(20);
  });

  it('keeps a heading with the first two lines of the next block', () => {
    let headingStartsPage = 0;
    spacers().forEach((spacer, n) => {
      const tree = build.root([
        build.paragraph(words(450)),
        ...spacer,
        build.paragraph('Just before.'),
        build.heading(2, 'Kept heading'),
        build.paragraph(words(60, 'Following')),
      ]);
      const layout = layoutDocument(tree, theme, metrics);
      const page = pageOfText(layout, 'Kept heading');
      const following = layout.pages.flatMap((_, i) => texts(layout, i).filter((t) => t.text.includes('Following')).map(() => i));
      expect(following.length, `variant ${n}`).toBeGreaterThanOrEqual(4);
      expect(following.slice(0, 2), `variant ${n}`).toEqual([page, page]);
      if (pageOfText(layout, 'Just before.') === page - 1) headingStartsPage++;
    });
    // The sweep really put the heading at page ends.
    expect(headingStartsPage).toBeGreaterThan(3);
  });

  it('keeps a bold lead-in line ("**Where to look**") with the list it introduces', () => {
    let moved = 0;
    spacers().forEach((spacer, n) => {
      const list: List = {
        type: 'list',
        ordered: false,
        start: 1,
        children: [0, 1, 2].map((i) => ({ type: 'listItem', children: [build.paragraph(`Place to look ${i}`)] })),
      };
      const tree = build.root([
        build.paragraph(words(450)),
        ...spacer,
        { type: 'paragraph', children: [{ type: 'strong', children: [build.text('Where to look')] }] },
        list,
      ]);
      const layout = layoutDocument(tree, theme, metrics);
      const page = pageOfText(layout, 'Where to look');
      expect(pageOfText(layout, 'Place to look 0'), `variant ${n}`).toBe(page);
      if (page > 0 && texts(layout, page)[0]!.text === 'Where to look') moved++;
    });
    expect(moved).toBeGreaterThan(0);
  });

  it('leaves no single line of a paragraph alone at the foot or head of a page', () => {
    let split = 0;
    spacers().forEach((spacer, n) => {
      const tree = build.root([build.paragraph(words(450)), ...spacer, build.paragraph(words(90, 'Widowed'))]);
      const layout = layoutDocument(tree, theme, metrics);
      const perPage = layout.pages.map((_, i) => texts(layout, i).filter((t) => t.text.includes('Widowed')).length);
      expect(perPage.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
      for (const count of perPage) expect(count, `variant ${n}: ${perPage}`).not.toBe(1);
      if (perPage.filter((c) => c > 0).length > 1) split++;
    });
    // The sweep really split the paragraph across pages.
    expect(split).toBeGreaterThan(3);
  });

  it('never splits a checkbox line', () => {
    spacers().forEach((spacer, n) => {
      const tree = build.root([
        build.paragraph(words(450)),
        ...spacer,
        { type: 'checkbox', checked: false, children: [build.text(words(30, 'Ticked'))] },
      ]);
      const layout = layoutDocument(tree, theme, metrics);
      const pages = new Set(layout.pages.flatMap((_, i) => texts(layout, i).filter((t) => t.text.includes('Ticked')).map(() => i)));
      expect(pages.size, `variant ${n}`).toBe(1);
    });
  });

  it('breaks tables between rows, never inside one', () => {
    const table: Table = {
      type: 'table',
      header: true,
      rows: [
        [{ type: 'tableCell', children: [build.text('Label')] }, { type: 'tableCell', children: [build.text('Value')] }],
        ...Array.from({ length: 60 }, (_, i) => [
          { type: 'tableCell' as const, children: [build.text(`Row${i}`)] },
          { type: 'tableCell' as const, children: [build.text(`${words(25, `Cell${i}x`)}`)] },
        ]),
      ],
    };
    const layout = layoutDocument(build.root([table]), theme, metrics);
    expect(layout.pages.length).toBeGreaterThan(1);
    for (let i = 0; i < 60; i++) {
      const pages = new Set(
        layout.pages.flatMap((_, p) => texts(layout, p).filter((t) => t.text === `Row${i}` || t.text.includes(`Cell${i}x`)).map(() => p)),
      );
      expect(pages.size, `row ${i}`).toBe(1);
    }
  });

  it('starts a new page at a page break and adds no blank page at the end', () => {
    const tree = build.root([
      build.paragraph('Before the break.'),
      { type: 'pageBreak' },
      { type: 'pageBreak' },
      build.paragraph('After the break.'),
      { type: 'pageBreak' },
    ]);
    const layout = layoutDocument(tree, theme, metrics);
    expect(layout.pages).toHaveLength(2);
    expect(pageOfText(layout, 'Before the break.')).toBe(0);
    expect(pageOfText(layout, 'After the break.')).toBe(1);
  });

  it('breaks a unit taller than a page instead of looping or overflowing', () => {
    const layout = layoutDocument(build.root([build.paragraph('A long writing space:'), build.lines(80, 'notes')]), theme, metrics);
    expect(layout.pages.length).toBeGreaterThanOrEqual(3);
    const rules = layout.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'line' && b.color === '#c4c9d1');
    expect(rules).toHaveLength(80);
    for (const rule of rules) if (rule.kind === 'line') expect(rule.y1).toBeLessThanOrEqual(BOTTOM + EPS);
  });

  it('gives an empty document one page with its footer', () => {
    const layout = layoutDocument(build.root([]), theme, metrics);
    expect(layout.pages).toHaveLength(1);
    expect(texts(layout, 0).map((t) => t.text)).toEqual(['Test footer', 'Page 1 of 1']);
  });
});

describe('page furniture and themes', () => {
  it('prints the footer and "Page X of Y" on every page', () => {
    const layout = layoutDocument(build.root([build.paragraph(words(2500))]), theme, metrics);
    expect(layout.pages.length).toBeGreaterThan(2);
    layout.pages.forEach((_, i) => {
      const furniture = texts(layout, i).filter(isFurniture);
      expect(furniture.map((t) => t.text)).toEqual(['Test footer', `Page ${i + 1} of ${layout.pages.length}`]);
      const label = furniture[1]!;
      expect(label.x + label.width).toBeCloseTo(RIGHT, 1);
    });
  });

  it('prints the office name and logo in a header on every page when the theme names an office', () => {
    const logo = { type: 'png' as const, bytes: new Uint8Array(readFileSync(fixturePath('office-logo.png'))) };
    const office = resolveTheme({ office: { name: 'Career Services Center', contact: ['careers@example.edu'], logo } });
    const layout = layoutDocument(build.root([build.paragraph(words(1500))]), office, metrics);
    expect(layout.pages.length).toBeGreaterThan(1);
    layout.pages.forEach((page, i) => {
      const image = page.boxes.find((b) => b.kind === 'image');
      expect(image && image.kind === 'image' && [image.width, image.height]).toEqual([24, 24]);
      expect(texts(layout, i).some((t) => t.text === 'Career Services Center' && t.y < TOP)).toBe(true);
    });
  });

  it('drops whole contact fields from the office header rather than cut one', () => {
    const contact = ['careers@example-university.edu', '+1 (212) 555-0100', 'Hall of Careers, Room 101', 'https://careers.example-university.edu'];
    const office = resolveTheme({ office: { name: 'Career Services Center', contact } });
    const layout = layoutDocument(build.root([build.paragraph('Body.')]), office, metrics);
    const header = texts(layout, 0).filter((t) => t.y < TOP && t.font === 'regular');
    expect(header).toHaveLength(1);
    const shown = header[0]!.text.split(' \u00b7 ');
    expect(shown.length).toBeLessThan(contact.length);
    expect(shown).toEqual(contact.slice(0, shown.length));
    expect(texts(layout, 0).some((t) => t.text === 'Career Services Center')).toBe(true);
    expect(layout.findings).toEqual([]);
  });

  it('lays out A4 pages with the A4 size and margins', () => {
    const a4 = resolveTheme({ pageSize: 'a4' });
    const layout = layoutDocument(build.root([build.paragraph(words(450))]), a4, metrics);
    expect([layout.pageWidth, layout.pageHeight]).toEqual([595.28, 841.89]);
    for (const t of texts(layout, 0)) expect(t.x + t.width).toBeLessThanOrEqual(595.28 - 54 + EPS);
    // The same 5-inch measure as on Letter, centred.
    const a4Column = createTypography(a4);
    expect(a4Column.right - a4Column.left).toBe(RIGHT - LEFT);
    expect(a4Column.left).toBeCloseTo(595.28 - a4Column.right, 5);
  });

  it('lists each character the font cannot draw once, in order', () => {
    const layout = layoutDocument(build.root([build.paragraph('Wei Zhang 张伟 and 张伟 again, Ελένη, Анна')]), theme, metrics);
    expect(layout.missingCharacters).toEqual(['张', '伟']);
  });

  it('measures with the same fonts the writer embeds', () => {
    expect(fonts.regular.length).toBeGreaterThan(100_000);
    expect(metrics.widthOf('Hello', 'regular', 10)).toBeGreaterThan(metrics.widthOf('Hello', 'regular', 5));
    expect(metrics.widthOf('Hello', 'bold', 10)).toBeGreaterThan(metrics.widthOf('Hello', 'regular', 10));
  });
});

/**
 * The layout preflight, on real inputs through the whole chain (interview
 * file → view → template → Markdown → tree → layout) and on crafted trees
 * that hold each kind of defect.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHandoutView, handoutMeta } from '../../src/kits/handout-view.js';
import { renderThankYou } from '../../src/kits/thank-you-kit.js';
import type { Interview } from '../../src/load/schema.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme, type Theme } from '../../src/theme.js';
import type { Block, Inline, Root } from '../../src/tree/types.js';
import { layoutDocument, type Box, type LayoutResult } from '../../src/write/pdf/index.js';
import type { Strip } from '../../src/write/pdf/flow.js';
import type { Placement } from '../../src/write/pdf/paginate.js';
import { checkPagination } from '../../src/write/pdf/preflight.js';
import { createTypography } from '../../src/write/pdf/typography.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { bundledGuide, bundledTemplates, exampleInterview, renderKit } from '../helpers/kit.js';
import { build, fonts, notoMetrics, words } from './pdf-test-kit.js';
import { buildDocuments } from '../../src/pipeline.js';

const metrics = notoMetrics();
const letter = resolveTheme();
const a4 = resolveTheme({ pageSize: 'a4' });
const guide = bundledGuide();
const renderer = createRenderer(bundledTemplates());

type TextBox = Extract<Box, { kind: 'text' }>;
const textsOf = (layout: LayoutResult, page: number): TextBox[] =>
  layout.pages[page]!.boxes.filter((b): b is TextBox => b.kind === 'text');

/** Every text value of a tree, for knowing what markup its input already printed. */
function treeText(blocks: readonly Block[]): string {
  const inline = (nodes: readonly Inline[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? '\n' : inline(n.children))).join('');
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
        case 'checkbox':
          return inline(b.children);
        case 'list':
          return b.children.map((item) => treeText(item.children)).join('\n');
        case 'callout':
          return treeText(b.children);
        case 'table':
          return b.rows.map((row) => row.map((cell) => inline(cell.children)).join(' ')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/** The packet and question sheet of an interview, as trees. */
function kitTrees(interview: Interview): { name: string; tree: Root }[] {
  return renderKit(interview, guide, renderer).documents.map((doc) => ({ name: doc.name, tree: doc.tree }));
}

function handoutTree(theme: Theme): Root {
  const markdown = renderer.render('handout', buildHandoutView(guide, theme.office));
  return parseMarkdown(markdown, handoutMeta(guide, theme.office));
}

/** Maya's interview asking exactly these questions (group or question ids) plus `custom` ones of her own. */
function withQuestions(include: string[], custom: string[] = []): Interview {
  const maya = exampleInterview('maya.yaml');
  return { ...maya, questions: { include, ...(custom.length > 0 ? { custom } : {}) } };
}

/**
 * The preflight's verdict on a real document: no findings, except that
 * markup the templates left in the tree (a known template slip) must be
 * reported — and reported only then.
 */
function expectClean(tree: Root, theme: Theme, label: string): LayoutResult {
  const layout = layoutDocument(tree, theme, metrics);
  const markupInTree = /:::|\{\{|\}\}|\[ \]/.test(treeText(tree.children));
  const others = layout.findings.filter((f) => f.code !== 'markup-left');
  expect(others, label).toEqual([]);
  expect(layout.findings.some((f) => f.code === 'markup-left'), `${label}: markup reported iff the tree holds it`).toBe(markupInTree);
  return layout;
}

const QUESTION_SETS: Record<string, () => Interview> = {
  '1 question': () => withQuestions(['pressure']),
  '9 questions': () => withQuestions(['career-field', 'org-goals', 'org-philosophy', 'training-programs']),
  '10 questions': () => withQuestions(['career-field', 'org-goals', 'org-philosophy', 'training-programs', 'entry-level-role']),
  '24 questions': () =>
    withQuestions(['career-field', 'organization', 'individual'], [
      'How has remote work changed onboarding at Acme?',
      'Which professional associations are worth joining early?',
      'Who else would you suggest I talk to?',
    ]),
};

describe('preflight on real inputs', () => {
  for (const example of ['maya.yaml', 'minimal.yaml', 'sofia.yaml']) {
    for (const [theme, paper] of [[letter, 'Letter'], [a4, 'A4']] as const) {
      it(`finds no defect in the packet and question sheet of ${example} (${paper})`, () => {
        for (const { name, tree } of kitTrees(exampleInterview(example))) expectClean(tree, theme, `${example} ${name}`);
      });
    }
  }

  for (const [label, interview] of Object.entries(QUESTION_SETS)) {
    it(`finds no defect in a packet with ${label}`, () => {
      for (const { name, tree } of kitTrees(interview())) {
        expectClean(tree, letter, `${label} ${name}`);
        expectClean(tree, a4, `${label} ${name} A4`);
      }
    });
  }

  it('finds no defect in the handout, Letter and A4', () => {
    expectClean(handoutTree(letter), letter, 'handout');
    expectClean(handoutTree(a4), a4, 'handout A4');
  });

  it('finds no defect in the thank-you letter', () => {
    const { tree } = renderThankYou(exampleInterview('maya-after.yaml'), renderer, { mode: 'letter' });
    expectClean(tree, letter, 'thank-you');
  });

  it('hangs every question of a 24-question packet at one indent, whatever its group', () => {
    const packet = kitTrees(QUESTION_SETS['24 questions']!()).find((d) => d.name === 'packet')!.tree;
    const layout = layoutDocument(packet, letter, metrics);
    const numbers = layout.pages.flatMap((_, i) => textsOf(layout, i)).filter((t) => /^\d+\.$/.test(t.text) && t.font === 'bold');
    expect(numbers.map((t) => t.text)).toEqual(Array.from({ length: 24 }, (_, i) => `${i + 1}.`));
    // Numbers are right-aligned against one text edge: every number ends at the same x.
    const ends = new Set(numbers.map((t) => Math.round((t.x + t.width) * 10) / 10));
    expect(ends.size).toBe(1);
  });

  it('sets running text at 60 to 75 characters per line', () => {
    const layout = layoutDocument(handoutTree(letter), letter, metrics);
    const body = createTypography(letter).body;
    // Full lines of body text: rebuild each line from the boxes on one baseline.
    const lines = new Map<string, TextBox[]>();
    layout.pages.forEach((_, p) => {
      for (const t of textsOf(layout, p)) {
        if (t.size !== body.size) continue;
        const key = `${p}:${t.y}`;
        lines.set(key, [...(lines.get(key) ?? []), t]);
      }
    });
    const lengths = [...lines.values()].map((boxes) => {
      const sorted = boxes.sort((a, b) => a.x - b.x);
      const first = sorted[0]!;
      const last = sorted[sorted.length - 1]!;
      return { chars: sorted.map((t) => t.text).join(' ').length, width: last.x + last.width - first.x };
    });
    const column = createTypography(letter).right - createTypography(letter).left;
    const full = lengths.filter((l) => l.width > column * 0.85);
    expect(full.length).toBeGreaterThan(50);
    const mean = full.reduce((n, l) => n + l.chars, 0) / full.length;
    expect(mean).toBeGreaterThanOrEqual(60);
    expect(mean).toBeLessThanOrEqual(75);
    for (const l of full) expect(l.chars).toBeLessThanOrEqual(82);
  });
});

describe('preflight on crafted trees', () => {
  const codes = (layout: LayoutResult): string[] => layout.findings.map((f) => f.code);

  it('reports markup left in the text, unless the student wrote it', () => {
    const tree = build.root([build.paragraph('Intro.'), build.paragraph(':::lines 4 #answer-10'), build.paragraph('Tick [ ] here')]);
    const layout = layoutDocument(tree, letter, metrics);
    expect(layout.findings).toEqual([
      expect.objectContaining({ code: 'markup-left', page: 1, message: expect.stringContaining(':::lines 4 #answer-10') }),
    ]);
    expect(layout.findings[0]!.message).toContain('[ ]');
    const own = layoutDocument(build.root([build.paragraph('My handle is {{maya}}')]), letter, metrics, { values: ['{{maya}}'] });
    expect(own.findings).toEqual([]);
  });

  it('reports characters drawn without a glyph, with their page', () => {
    const layout = layoutDocument(build.root([build.paragraph(words(700)), build.paragraph('Prep packet for 张伟')]), letter, metrics);
    const found = layout.findings.filter((f) => f.code === 'missing-glyph');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('张伟');
    expect(found[0]!.page).toBe(layout.pages.length);
  });

  it('reports a question split from its writing space when it cannot fit on a page', () => {
    const tree = build.root([build.paragraph(words(120)), build.questions(['Tell me everything?'], 40)]);
    const layout = layoutDocument(tree, letter, metrics);
    expect(codes(layout)).toContain('question-split');
    expect(layout.findings.find((f) => f.code === 'question-split')!.message).toContain('Tell me everything?');
  });

  it('reports a short page when a heading and a tall question would not fit under a few lines', () => {
    const tree = build.root([build.paragraph('One line.'), build.heading(2, 'Heading'), build.questions(['Big question?'], 26)]);
    const layout = layoutDocument(tree, letter, metrics);
    expect(codes(layout)).toEqual(['short-page']);
    expect(layout.findings[0]!.page).toBe(1);
  });

  it('reports a header or footer field it had to cut, and drops whole fields when it can', () => {
    const long = { ...build.root([build.paragraph('Body.')]) };
    const cut = layoutDocument({ ...long, meta: { ...long.meta, footer: 'Montgomery-Wolfeschlegelsteinhausenbergerdorff '.repeat(4).trim() } }, letter, metrics);
    expect(codes(cut)).toEqual(['furniture-cut']);
    const footer = textsOf(cut, 0).filter((t) => t.size === 8)[0]!.text;
    expect(footer.endsWith('…')).toBe(true);
    expect(footer.replace('…', '').split(' ').every((word) => word === 'Montgomery-Wolfeschlegelsteinhausenbergerdorff')).toBe(true);

    const fields = ['Maya Patel', 'Dr. José Núñez, Montgomery-Wolfeschlegelsteinhausenbergerdorff Health', 'careers@example.edu', 'Thursday, December 3, 2026'];
    const dropped = layoutDocument({ ...long, meta: { ...long.meta, footer: fields.join(' · ') } }, letter, metrics);
    expect(dropped.findings).toEqual([]);
    const shown = textsOf(dropped, 0).filter((t) => t.size === 8)[0]!.text;
    expect(fields.join(' · ').startsWith(shown)).toBe(true);
    expect(shown.split(' · ').every((f) => fields.includes(f))).toBe(true);
    expect(shown.split(' · ').length).toBeLessThan(fields.length);
  });

  /** Placements of hand-made strips, `perPage` strips per page. */
  function placed(pages: Partial<Strip>[][]): Placement[][] {
    return pages.map((strips) => {
      let top = 54;
      return strips.map((s) => {
        const strip: Strip = { spaceBefore: 0, height: 16, keepWithPrevious: false, boxes: [], ...s };
        const placement = { strip, index: 0, top };
        top += strip.height;
        return placement;
      });
    });
  }
  const area = { top: 54, bottom: 738 };
  const text = (value: string): Box[] => [{ kind: 'text', x: 0, y: 12, width: 10, text: value, font: 'regular', size: 11.5, color: '#000' }];
  const fill = (n: number): Partial<Strip>[] => Array.from({ length: n }, () => ({}));

  it('reports a heading last on a page, but not before a page break the author asked for', () => {
    const heading = { leadIn: 'heading' as const, boxes: text('Know Your Mentor') };
    const pages = placed([[...fill(40), heading], fill(3)]);
    const findings = checkPagination(pages, [false, false], area);
    expect(findings).toEqual([expect.objectContaining({ code: 'stranded-heading', page: 1, message: expect.stringContaining('Know Your Mentor') })]);
    expect(checkPagination(pages, [true, false], area)).toEqual([]);
  });

  it('reports a lone line or item at the head or foot of a page', () => {
    const seq = (index: number) => ({ seq: [{ id: 7, index, kind: 'item' as const }], boxes: text(`item ${index}`) });
    const widow = checkPagination(placed([[...fill(40), seq(0), seq(1)], [seq(2), ...fill(30)]]), [false, false], area);
    expect(widow).toEqual([expect.objectContaining({ code: 'widow-orphan', page: 2, message: expect.stringContaining('item 2') })]);
    const orphan = checkPagination(placed([[...fill(40), seq(0)], [seq(1), seq(2), ...fill(30)]]), [false, false], area);
    expect(orphan).toEqual([expect.objectContaining({ code: 'widow-orphan', page: 1 })]);
  });

  it('reports a table that continues without its header row or with one row on a side', () => {
    const row = (index: number) => ({ seq: [{ id: 3, index, kind: 'row' as const }], boxes: text(`row ${index}`) });
    const header = { tableHeader: 3, boxes: text('When') };
    const noHeader = checkPagination(placed([[...fill(30), header, row(0), row(1)], [row(2), row(3), ...fill(30)]]), [false, false], area);
    expect(noHeader).toEqual([expect.objectContaining({ code: 'table-split', page: 2, message: expect.stringContaining('without its header row') })]);
    const repeated = checkPagination(placed([[...fill(30), header, row(0), row(1)], [header, row(2), row(3), ...fill(30)]]), [false, false], area);
    expect(repeated).toEqual([]);
    const oneRow = checkPagination(placed([[...fill(30), header, row(0), row(1), row(2)], [header, row(3), ...fill(30)]]), [false, false], area);
    expect(oneRow).toEqual([expect.objectContaining({ code: 'table-split', page: 2, message: expect.stringContaining('one row') })]);
  });
});

describe('page breaks that the preflight keeps clean', () => {
  it('repeats a table header on the next page and leaves at least two rows on each side', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`0:${String(i).padStart(2, '0')}`, words(8, 'step')]);
    const table: Block = {
      type: 'table',
      header: true,
      rows: [['When', 'What'], ...rows].map((row) => row.map((cell) => ({ type: 'tableCell' as const, children: [build.text(cell)] }))),
    };
    let split = 0;
    for (let n = 0; n < 40; n++) {
      const layout = layoutDocument(build.root([build.paragraph(words(330 + n * 12)), table]), letter, metrics);
      expect(layout.findings, `variant ${n}`).toEqual([]);
      const pages = layout.pages.map((_, p) => textsOf(layout, p));
      const withRows = pages.map((texts) => texts.filter((t) => /^0:\d\d$/.test(t.text)).length);
      const tablePages = withRows.map((count, p) => ({ count, p })).filter(({ count }) => count > 0);
      if (tablePages.length < 2) continue;
      split++;
      for (const { count, p } of tablePages) {
        expect(count, `variant ${n}, page ${p + 1}`).toBeGreaterThanOrEqual(2);
        expect(pages[p]!.some((t) => t.text === 'When'), `variant ${n}: header on page ${p + 1}`).toBe(true);
      }
    }
    expect(split).toBeGreaterThan(5);
  });

  it('keeps a heading, its short intro and the first two items of its list together', () => {
    let moved = 0;
    for (let n = 0; n < 40; n++) {
      const list: Block = {
        type: 'list',
        ordered: false,
        start: 1,
        children: ['First item', 'Second item', 'Third item', 'Fourth item'].map((t) => ({ type: 'listItem' as const, children: [build.paragraph(t)] })),
      };
      const tree = build.root([build.paragraph(words(400 + n * 6)), build.heading(2, 'Know Your Mentor'), build.paragraph('Arrive knowing who you are talking to.'), list]);
      const layout = layoutDocument(tree, letter, metrics);
      expect(layout.findings, `variant ${n}`).toEqual([]);
      const pageOf = (needle: string): number => layout.pages.findIndex((_, p) => textsOf(layout, p).some((t) => t.text.includes(needle)));
      const heading = pageOf('Know Your Mentor');
      expect([pageOf('Arrive'), pageOf('First'), pageOf('Second')], `variant ${n}`).toEqual([heading, heading, heading]);
      expect(pageOf('Fourth'), `variant ${n}`).toBe(pageOf('Third'));
      if (heading > pageOf(`filler`)) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('leaves no single check box alone on a page', () => {
    for (let n = 0; n < 40; n++) {
      const checks: Block[] = Array.from({ length: 5 }, (_, i) => ({ type: 'checkbox' as const, checked: false, children: [build.text(`Check ${i + 1}`)] }));
      const layout = layoutDocument(build.root([build.paragraph(words(420 + n * 6)), ...checks]), letter, metrics);
      expect(layout.findings, `variant ${n}`).toEqual([]);
      for (let p = 0; p < layout.pages.length; p++) {
        const boxes = layout.pages[p]!.boxes.filter((b) => b.kind === 'checkbox').length;
        expect(boxes === 0 || boxes >= 2, `variant ${n}, page ${p + 1}: ${boxes} check boxes`).toBe(true);
      }
    }
  });
});

describe('letters', () => {
  const asLetter = (blocks: Block[]): Root => {
    const root = build.root(blocks);
    return { ...root, meta: { ...root.meta, kind: 'letter' } };
  };

  it('prints no running header, footer or "Page 1 of 1" on a one-page letter', () => {
    const office = resolveTheme({ office: { name: 'Career Services Center', contact: ['careers@example.edu'] } });
    const layout = layoutDocument(asLetter([build.paragraph('Dear Dr. Núñez,'), build.paragraph(words(80))]), office, metrics);
    expect(layout.pages).toHaveLength(1);
    const texts = textsOf(layout, 0).map((t) => t.text);
    expect(texts.some((t) => t.includes('Page') || t.includes('Test footer') || t.includes('Career Services'))).toBe(false);
    expect(layout.pages[0]!.boxes.some((b) => b.kind === 'line')).toBe(false);
  });

  it('numbers the pages of a longer letter from the second page on', () => {
    const layout = layoutDocument(asLetter([build.paragraph(words(900))]), letter, metrics);
    expect(layout.pages.length).toBe(2);
    expect(textsOf(layout, 0).some((t) => t.text.startsWith('Page'))).toBe(false);
    expect(textsOf(layout, 1).filter((t) => t.text.startsWith('Page')).map((t) => t.text)).toEqual(['Page 2 of 2']);
  });

  it('leaves a blank line for each hard break after the first, room to sign', () => {
    const closing: Block = {
      type: 'paragraph',
      children: [build.text('Sincerely,'), { type: 'break' }, { type: 'break' }, { type: 'break' }, { type: 'break' }, build.text('Maya Patel')],
    };
    const layout = layoutDocument(asLetter([closing]), letter, metrics);
    const [sincerely, name] = ['Sincerely,', 'Maya Patel'].map((s) => textsOf(layout, 0).find((t) => t.text === s)!);
    expect(name!.y - sincerely!.y).toBeCloseTo(4 * createTypography(letter).body.leading, 5);
  });
});

describe('the student\'s own text', () => {
  it('is never reported as markup left over, however it looks', async () => {
    const maya = exampleInterview('maya.yaml');
    const interview = { ...maya, student: { ...maya.student, goals: ['Ask about the {{budget}} process', 'Learn what ::: means in their wiki'] } };
    const { documents } = renderKit(interview, guide, renderer);
    const packet = documents.find((d) => d.name === 'packet')!.tree;
    expect(treeText(packet.children)).toContain('{{budget}}');
    const result = await buildDocuments([{ kind: 'kit', interview, formats: ['pdf'], documents: ['packet'] }], { guide, renderer, theme: letter, fonts });
    expect(result.diagnostics.filter((d) => d.code === 'markup-left')).toEqual([]);
    expect(layoutDocument(packet, letter, metrics).findings.map((f) => f.code)).toContain('markup-left');
  });
});

describe('the command line', () => {
  /** A templates folder whose handout prints a checkbox as text: a finding of the preflight. */
  function templatesWithSlip(): string {
    const dir = tempDir('ik-templates-');
    writeFileSync(join(dir, 'handout.md.hbs'), '# Handout\n\nTick this box: [ ] when done.\n');
    return dir;
  }

  it('prints the findings as warnings and still succeeds', () => {
    const out = tempDir();
    const result = runCli(['handout', '--format', 'pdf', '--templates', templatesWithSlip(), '--out', out]);
    expect(result.stderr).toMatch(/warning: .*page 1 prints markup as text: "Tick this box: \[ \] when done\." \[markup-left\]/);
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'handout', 'handout.pdf'))).toBe(true);
  });

  it('with --strict makes them errors and exits 1, still writing the files', () => {
    const out = tempDir();
    const result = runCli(['handout', '--strict', '--format', 'pdf', '--templates', templatesWithSlip(), '--out', out]);
    expect(result.stderr).toMatch(/error: .*\[markup-left\]/);
    expect(result.status).toBe(1);
    expect(existsSync(join(out, 'handout', 'handout.pdf'))).toBe(true);
  });

  it('with --strict exits 0 when the preflight finds nothing', () => {
    const out = tempDir();
    const result = runCli(['thank-you', 'content/examples/maya-after.yaml', '--strict', '--format', 'pdf', '--out', out]);
    expect(result.stderr).not.toMatch(/\[[a-z-]+\]$/m);
    expect(result.status).toBe(0);
  });
});

/**
 * Block layout: turns each block of the tree into strips (see flow.ts) and
 * sets the keep rules of docs/typesetting.md:
 *
 * - a heading keeps with the first two lines or items of the next block; so
 *   does a short lead-in paragraph (all bold, ending in a colon, or a short
 *   intro right under a heading) — a keep-with-next chain;
 * - a paragraph, a list and a checklist may break between lines or items,
 *   but never leave a single first or last one alone (no orphans, no widows);
 * - a checkbox line, an answer space and a callout never split;
 * - answer lines keep with the whole block above them (a question and its space).
 */
import { assertNever, type AnswerLines, type Block, type Checkbox, type Heading, type Paragraph } from '../../tree/types.js';
import { flattenInlines, type InlineStyle } from './inline-runs.js';
import { plainText } from '../../tree/plain-text.js';
import { wrapRuns } from './wrap-line.js';
import { addElement, baselineOffset, keepTogether, markSequence, nextId, textStrips, type FlowContext, type Strip } from './flow.js';
import type { StructRole } from './layout-types.js';
import { layoutList } from './layout-list.js';
import { layoutTable } from './layout-table.js';
import { layoutCallout } from './layout-callout.js';

const PLAIN: InlineStyle = { bold: false, italic: false };
const BOLD: InlineStyle = { bold: true, italic: false };

/**
 * Lays out blocks top to bottom in the context's column. The first strip's
 * `spaceBefore` is 0; the caller decides the gap before the whole group.
 */
export function layoutBlocks(blocks: readonly Block[], context: FlowContext): Strip[] {
  const strips: Strip[] = [];
  let previous: Block | undefined;
  let previousOwn: Strip[] = [];
  let keepNext = false;
  let checklist: Strip[][] = []; // consecutive checkbox lines
  let unit: number | undefined; // the question unit the previous block belongs to, if any
  let question = ''; // the text of the question a writing space answers, spoken as its field's name
  blocks.forEach((block, i) => {
    if (block.type !== 'checkbox' && checklist.length > 0) {
      markSequence(checklist, 'item', context);
      checklist = [];
    }
    const own = layoutBlock(block, context);
    if (own.length === 0) {
      previous = block;
      return;
    }
    const first = own[0]!;
    first.spaceBefore = previous === undefined ? 0 : spaceBetween(previous, block, context);
    if (keepNext) first.keepWithPrevious = true;
    if (block.type === 'checkbox') checklist.push(own);
    const leadIn = block.type === 'paragraph' && isLeadIn(block, own.length, previous, blocks[i + 1]);
    // "Answer:" between two writing spaces continues the question above it.
    const continues =
      unit !== undefined && previous?.type === 'answerLines' && block.type === 'paragraph' && endsWithColon(block) && blocks[i + 1]?.type === 'answerLines';
    if (continues) {
      first.keepWithPrevious = true;
      for (const strip of own) strip.unit = unit;
    } else {
      unit = undefined;
    }
    if (block.type === 'answerLines') {
      first.keepWithPrevious = true;
      if (previous?.type === 'paragraph' || previous?.type === 'checkbox') {
        const asked = plainText(previous.children).trim();
        question = unit !== undefined && question !== '' ? `${question} ${asked}` : asked;
        if (question !== '') {
          for (const strip of own) strip.boxes = strip.boxes.map((box) => (box.kind === 'field' ? { ...box, label: question } : box));
        }
        // A question and its writing space: one unit, on one page.
        unit = previousOwn[0]!.unit ?? nextId(context);
        for (const strip of keepTogether([...previousOwn, ...own])) strip.unit = unit;
      }
    }
    if (first.forceBreakBefore) first.keepWithPrevious = false;
    strips.push(...own);
    if (leadIn) for (const strip of own) strip.leadIn ??= 'intro';
    previous = block;
    previousOwn = own;
    keepNext = block.type === 'heading' || leadIn;
  });
  if (checklist.length > 0) markSequence(checklist, 'item', context);
  return strips;
}

/** Paragraphs of at most this many lines right under a heading introduce what follows. */
const INTRO_LINES = 3;

/**
 * A short paragraph that introduces what follows — all bold ("**Where to
 * look**"), ending in a colon, or a short intro right under a heading —
 * stays with the next block like a heading.
 */
function isLeadIn(block: Paragraph, lines: number, previous: Block | undefined, next: Block | undefined): boolean {
  if (next === undefined || next.type === 'heading' || next.type === 'pageBreak') return false;
  if (previous?.type === 'heading' && lines <= INTRO_LINES) return true;
  if (lines > 2) return false;
  const runs = flattenInlines(block.children, PLAIN).filter((run) => run.text.trim() !== '');
  if (runs.length === 0) return false;
  return runs.every((run) => run.font === 'bold' || run.font === 'boldItalic') || endsWithColon(block);
}

/** "Answer:", "Where to look:". */
function endsWithColon(block: Paragraph): boolean {
  return plainText(block.children).endsWith(':');
}

/** The gap between two neighbouring blocks: the larger of what the first wants after it and the second before it. */
function spaceBetween(previous: Block, block: Block, context: FlowContext): number {
  const t = context.typography;
  if (previous.type === 'heading') return 0; // the heading's strip carries its space after
  const after = previous.type === 'table' ? t.table.space : previous.type === 'callout' ? t.callout.space : 0;
  return Math.max(after, spaceBefore(previous, block, context));
}

function spaceBefore(previous: Block, block: Block, context: FlowContext): number {
  const t = context.typography;
  const nested = context.listDepth > 0;
  switch (block.type) {
    case 'heading':
      return t.headings[block.depth].spaceBefore;
    case 'answerLines':
      return t.answerLines.spaceBefore;
    case 'checkbox':
      return previous.type === 'checkbox' ? t.checkbox.space : t.paragraphSpace;
    case 'table':
      return t.table.space;
    case 'callout':
      return t.callout.space;
    case 'list':
      return nested ? t.list.itemSpace : t.paragraphSpace;
    case 'paragraph':
      return nested ? t.list.itemSpace : t.paragraphSpace;
    case 'pageBreak':
      return 0;
    default:
      return assertNever(block);
  }
}

function layoutBlock(block: Block, context: FlowContext): Strip[] {
  switch (block.type) {
    case 'paragraph':
      return layoutParagraph(block, context);
    case 'heading':
      return layoutHeading(block, context);
    case 'list':
      return layoutList(block, context, layoutBlocks);
    case 'checkbox':
      return layoutCheckbox(block, context);
    case 'answerLines':
      return layoutAnswerLines(block, context);
    case 'table':
      return layoutTable(block, context);
    case 'callout':
      return layoutCallout(block, context, layoutBlocks);
    case 'pageBreak':
      return [{ spaceBefore: 0, height: 0, keepWithPrevious: false, forceBreakBefore: true, boxes: [] }];
    default:
      return assertNever(block);
  }
}

/** Running text: may break between lines, with no widow or orphan line. */
function layoutParagraph(block: Paragraph, context: FlowContext): Strip[] {
  const style = context.typography.body;
  const lines = wrapRuns(flattenInlines(block.children, PLAIN), context.width, style.size, context.metrics, { hyphenate: context.hyphenate });
  const strips = textStrips(lines, { x: context.x, style, color: style.color }, { ...context, parent: context.soleParagraph ? context.parent : addElement(context, 'P'), soleParagraph: false });
  if (strips.length > 1) markSequence(strips.map((strip) => [strip]), 'line', context);
  return strips;
}

function layoutHeading(block: Heading, context: FlowContext): Strip[] {
  const t = context.typography;
  const style = t.headings[block.depth];
  const runs = flattenInlines(block.children, BOLD);
  let lines = wrapRuns(runs, context.width, style.size, context.metrics);
  if (lines.length === 0) lines = [{ fragments: [], width: 0 }];
  const tag = addElement(context, headingRole(block.depth, context));
  const strips = keepTogether(textStrips(lines, { x: context.x, style, color: style.color }, { ...context, parent: tag }));
  for (const strip of strips) strip.leadIn = 'heading';
  const last = strips[strips.length - 1]!;
  if (block.depth === 1) {
    const h1 = t.headings[1];
    const ruleY = last.height + h1.ruleGap;
    last.boxes.push({
      kind: 'line',
      x1: context.x,
      y1: ruleY,
      x2: context.x + context.width,
      y2: ruleY,
      thickness: h1.ruleThickness,
      color: t.colors.accent,
    });
    last.height = ruleY + h1.spaceAfter;
  } else {
    last.height += style.spaceAfter;
  }
  if (block.depth <= 2) strips[0]!.bookmark = { title: plainText(block.children), level: block.depth as 1 | 2 };
  return strips;
}

/**
 * The structure type of a heading: its depth, except that it never goes more
 * than one level below the heading before it (a document may start at "##"),
 * so a screen reader's outline of headings has no gaps.
 */
function headingRole(depth: 1 | 2 | 3, context: FlowContext): StructRole {
  let previous = 0;
  for (let i = context.structure.length - 1; i >= 0; i--) {
    const role = context.structure[i]!.role;
    if (role === 'H1' || role === 'H2' || role === 'H3') {
      previous = Number(role[1]);
      break;
    }
  }
  return `H${Math.min(depth, previous + 1)}` as StructRole;
}

/** A tick box and its text; never split. */
function layoutCheckbox(block: Checkbox, context: FlowContext): Strip[] {
  const t = context.typography;
  const style = t.body;
  const indent = t.checkbox.textIndent;
  let lines = wrapRuns(flattenInlines(block.children, PLAIN), context.width - indent, style.size, context.metrics, {
    hyphenate: context.hyphenate,
  });
  if (lines.length === 0) lines = [{ fragments: [], width: 0 }];
  const paragraph = addElement(context, 'P');
  // A named box becomes a check box field: a Form element before the text it ticks.
  const form = block.name ? addElement(context, 'Form', {}, paragraph) : undefined;
  const strips = keepTogether(textStrips(lines, { x: context.x + indent, style, color: style.color }, { ...context, parent: paragraph }));
  const size = t.checkbox.size;
  const baseline = baselineOffset(style, 'regular', context.metrics);
  // Sit the square on the baseline, a little below it like a lowercase descender.
  strips[0]!.boxes.unshift({
    kind: 'checkbox',
    x: context.x + 1,
    y: baseline - size + 1.2,
    size,
    checked: block.checked,
    color: t.colors.checkbox,
    ...(block.name ? { name: block.name, label: plainText(block.children).trim() || block.name, tag: form } : {}),
  });
  return strips;
}

/** Ruled writing space: one strip per rule, all kept together. */
function layoutAnswerLines(block: AnswerLines, context: FlowContext): Strip[] {
  const t = context.typography;
  const { pitch, thickness } = t.answerLines;
  const count = Math.max(0, Math.floor(block.count));
  const form = block.name && count > 0 ? addElement(context, 'Form') : undefined;
  const strips: Strip[] = [];
  for (let i = 0; i < count; i++) {
    const strip: Strip = {
      spaceBefore: 0,
      height: pitch,
      keepWithPrevious: i > 0,
      boxes: [
        {
          kind: 'line',
          x1: context.x,
          y1: pitch,
          x2: context.x + context.width,
          y2: pitch,
          thickness,
          color: t.colors.answerRule,
        },
      ],
    };
    if (block.name) {
      strip.boxes.push({ kind: 'field', name: block.name, x: context.x, y: 0, width: context.width, height: pitch, tag: form });
    }
    strips.push(strip);
  }
  return strips;
}

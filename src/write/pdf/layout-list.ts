/**
 * Bulleted and numbered lists with hanging indents. Nested lists indent
 * further and change bullet; every numbered list of a document hangs its
 * text at the same indent, sized for the document's largest number. An item
 * that holds answer lines (a question and its writing space) is kept whole
 * on one page; other lists leave no single item alone at a page's foot or head.
 */
import type { Block, List } from '../../tree/types.js';
import { addElement, baselineOffset, keepTogether, markSequence, nextId, type FlowContext, type LayoutBlocks, type Strip } from './flow.js';
import type { TextBox } from './layout-types.js';

/** Lays out a list; `layoutBlocks` lays out each item's content. */
export function layoutList(list: List, context: FlowContext, layoutBlocks: LayoutBlocks): Strip[] {
  const t = context.typography;
  const { metrics } = context;
  const style = t.body;
  const labels = list.children.map((_, i) => markerOf(list, i, context.listDepth, t.list.bullets));
  const markerFont = list.ordered ? 'bold' : 'regular';
  const widest = Math.max(list.ordered ? context.numberWidth : 0, ...labels.map((label) => metrics.widthOf(label, markerFont, style.size)));
  const indent = Math.max(t.list.indent, widest + t.list.markerGap + 2);
  const structure = addElement(context, 'L');
  const inner: FlowContext = {
    ...context,
    x: context.x + indent,
    width: context.width - indent,
    listDepth: context.listDepth + 1,
  };
  const strips: Strip[] = [];
  const items: Strip[][] = [];
  let hasQuestions = false;
  let previousHeldAnswer = false;
  list.children.forEach((item, i) => {
    const listItem = addElement(context, 'LI', {}, structure);
    const lbl = addElement(context, 'Lbl', {}, listItem);
    // A body of one paragraph holds its text itself (PDF/UA needs no P in it): one element fewer per item.
    const soleParagraph = item.children.length === 1 && item.children[0]!.type === 'paragraph';
    let own = layoutBlocks(item.children, { ...inner, parent: addElement(context, 'LBody', {}, listItem), soleParagraph });
    if (own.length === 0) own = [{ spaceBefore: 0, height: style.leading, keepWithPrevious: false, boxes: [] }];
    const first = own[0]!;
    const label = labels[i]!;
    const firstText = first.boxes.find((box): box is TextBox => box.kind === 'text');
    const baseline = firstText ? firstText.y : baselineOffset(style, 'regular', metrics);
    const width = metrics.widthOf(label, markerFont, style.size);
    // The marker is painted first: it is read first.
    first.boxes.unshift({
      kind: 'text',
      tag: lbl,
      x: inner.x - t.list.markerGap - width,
      y: baseline,
      width,
      text: label,
      font: markerFont,
      size: firstText ? firstText.size : style.size,
      color: t.colors.accent,
    });
    const question = item.children.some(holdsAnswerLines);
    // A question after another question's writing space gets a paragraph's gap.
    if (i > 0) first.spaceBefore = previousHeldAnswer ? t.paragraphSpace + 4 : t.list.itemSpace;
    if (question) {
      const unit = nextId(context);
      for (const strip of keepTogether(own)) strip.unit = unit;
      hasQuestions = true;
    }
    previousHeldAnswer = question;
    items.push(own);
    strips.push(...own);
  });
  // Questions are units of their own; keeping two together would leave pages half empty.
  if (!hasQuestions) markSequence(items, 'item', context);
  return strips;
}

/** "3." for ordered lists, else the bullet of the nesting depth. */
function markerOf(list: List, index: number, depth: number, bullets: readonly string[]): string {
  if (list.ordered) return `${list.start + index}.`;
  return bullets[Math.min(depth, bullets.length - 1)]!;
}

function holdsAnswerLines(block: Block): boolean {
  if (block.type === 'answerLines') return block.count > 0;
  if (block.type === 'list') return block.children.some((item) => item.children.some(holdsAnswerLines));
  if (block.type === 'callout') return block.children.some(holdsAnswerLines);
  return false;
}

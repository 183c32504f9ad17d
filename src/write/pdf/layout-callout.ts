/**
 * Callouts (from `>` block quotes): a tinted box with an accent bar on the
 * left. Every strip paints its own slice of the box, so the box stays whole
 * even in the rare case a callout taller than a page has to break.
 */
import type { Callout } from '../../tree/types.js';
import { keepTogether, shiftBoxes, solidify, type FlowContext, type LayoutBlocks, type Strip } from './flow.js';

/** Lays out a callout; `layoutBlocks` lays out its content. */
export function layoutCallout(block: Callout, context: FlowContext, layoutBlocks: LayoutBlocks): Strip[] {
  const t = context.typography;
  const { padX, padY, bar } = t.callout;
  const inner: FlowContext = {
    ...context,
    x: context.x + bar + padX,
    width: context.width - bar - 2 * padX,
  };
  const strips = solidify(layoutBlocks(block.children, inner));
  if (strips.length === 0) return [];
  const first = strips[0]!;
  first.height += padY;
  first.boxes = shiftBoxes(first.boxes, padY);
  strips[strips.length - 1]!.height += padY;
  for (const strip of strips) {
    strip.boxes.unshift(
      { kind: 'rect', x: context.x, y: 0, width: context.width, height: strip.height, fill: t.colors.calloutFill },
      { kind: 'rect', x: context.x, y: 0, width: bar, height: strip.height, fill: t.colors.accent },
    );
  }
  return keepTogether(strips);
}

/**
 * Inline nodes → runs: text, bold, italic (nesting combines them), external
 * hyperlinks in the Hyperlink style, and line breaks.
 */
import { assertNever, type Inline } from '../../tree/types.js';
import { STYLE } from './styles.js';
import { breakRun, hyperlink, textRun, type RunFormat } from './xml.js';

export type { RunFormat } from './xml.js';

/** Collects the hyperlink targets of the body, in order; a link's index names its relationship. */
export interface LinkTargets {
  readonly links: string[];
}

/** Converts inline nodes to runs (XML). */
export function convertInlines(nodes: readonly Inline[], targets: LinkTargets, format: RunFormat = {}): string {
  let out = '';
  for (const node of nodes) out += convertInline(node, targets, format);
  return out;
}

function convertInline(node: Inline, targets: LinkTargets, format: RunFormat): string {
  switch (node.type) {
    case 'text':
      return node.value === '' ? '' : textRun(node.value, format);
    case 'strong':
      return convertInlines(node.children, targets, { ...format, bold: true });
    case 'emphasis':
      return convertInlines(node.children, targets, { ...format, italics: true });
    case 'link': {
      const linkFormat = { ...format, style: STYLE.hyperlink };
      const runs = convertInlines(node.children, targets, linkFormat);
      const index = targets.links.push(node.url) - 1;
      return hyperlink(index, runs === '' ? textRun(node.url, linkFormat) : runs);
    }
    case 'break':
      return breakRun(format);
    default:
      return assertNever(node);
  }
}

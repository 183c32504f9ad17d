/**
 * Finds characters the fonts cannot draw and says so once per document, so
 * a name in a script outside the bundled font never turns silently into
 * empty boxes.
 */
import { assertNever, type Block, type Inline, type Root } from '../../tree/types.js';
import type { Diagnostic } from '../../diagnostics.js';
import { flattenInlines, LINE_BREAK, normalizeText, type StyledRun } from './inline-runs.js';
import type { Metrics } from './measure.js';
import type { FontKey } from './layout-types.js';

/** Every distinct character of the document (and its extra strings) without a glyph, in order. */
export function findMissingCharacters(root: Root, extra: readonly string[], metrics: Metrics): string[] {
  const missing = new Set<string>();
  const check = (text: string, font: FontKey): void => {
    if (metrics.coversText(text, font)) return;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 32 || missing.has(ch)) continue;
      if (!metrics.hasGlyph(cp, font)) missing.add(ch);
    }
  };
  const checkRuns = (runs: readonly StyledRun[]): void => {
    for (const run of runs) if (run.text !== LINE_BREAK) check(run.text, run.font);
  };
  const checkInlines = (nodes: readonly Inline[], bold = false): void =>
    checkRuns(flattenInlines(nodes, { bold, italic: false }));
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'heading':
          checkInlines(block.children, true);
          break;
        case 'paragraph':
        case 'checkbox':
          checkInlines(block.children);
          break;
        case 'list':
          for (const item of block.children) visit(item.children);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) checkInlines(cell.children);
          break;
        case 'callout':
          visit(block.children);
          break;
        case 'answerLines':
        case 'pageBreak':
          break;
        default:
          assertNever(block);
      }
    }
  };
  visit(root.children);
  for (const text of extra) check(normalizeText(text), 'regular');
  return [...missing];
}

/** Unicode scripts worth naming in the warning, most likely first. */
const SCRIPTS = [
  'Han', 'Hiragana', 'Katakana', 'Hangul', 'Arabic', 'Hebrew', 'Devanagari', 'Bengali', 'Gurmukhi',
  'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Khmer', 'Myanmar',
  'Tibetan', 'Ethiopic', 'Armenian', 'Georgian', 'Syriac', 'Thaana', 'Mongolian', 'Cherokee',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));
const EMOJI = /\p{Extended_Pictographic}/u;

/** The scripts (or "emoji", "symbols") the characters belong to, in order. */
export function describeScripts(chars: readonly string[]): string[] {
  const names = new Set<string>();
  for (const ch of chars) {
    const script = SCRIPT_PATTERNS.find((s) => s.pattern.test(ch));
    if (script) names.add(`${script.name} script`);
    else if (EMOJI.test(ch)) names.add('emoji');
    else names.add('symbols');
  }
  return [...names];
}

const SHOWN_CHARACTERS = 12;

/**
 * The one warning for a document with undrawable characters, e.g.
 * `the bundled font cannot draw 3 characters (中文字, Han script) in "Prep packet"; they will print as empty boxes`.
 */
export function missingCharactersWarning(chars: readonly string[], documentTitle: string): Diagnostic {
  const shown = chars.slice(0, SHOWN_CHARACTERS).join('') + (chars.length > SHOWN_CHARACTERS ? '…' : '');
  const count = chars.length === 1 ? '1 character' : `${chars.length} characters`;
  const codes = chars
    .slice(0, 4)
    .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');
  return {
    severity: 'warning',
    message:
      `the bundled font cannot draw ${count} (${shown}, ${describeScripts(chars).join(', ')}) ` +
      `in "${documentTitle}"; they will print as empty boxes`,
    hints: [
      'the bundled Noto fonts cover Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai, Chinese, Japanese and Korean; spell such names in one of those scripts for the PDF',
      `code points: ${codes}${chars.length > 4 ? ', …' : ''}`,
    ],
  };
}

/**
 * Hyphenation of long words in prose (US English patterns, the `hyphen`
 * package), cached per word. Only lowercase words are offered: names,
 * places and organisations are capitalised and never hyphenated, nor are
 * words with digits, addresses or URLs (docs/typesetting.md).
 */
import enUs from 'hyphen/en-us/index.js';

/** Letters at least this many before the first hyphen and after the last. */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
/** Shorter words are never hyphenated. */
const MIN_WORD = 6;
const CACHE_LIMIT = 10000;

/** An optional opening mark, a lowercase word, optional closing punctuation. */
const HYPHENATABLE = /^([(\u201c\u2018"']?)([a-z]+)([.,;:!?)\u201d\u2019"']*)$/;

const syllables = new Map<string, readonly string[]>();

/**
 * The ways to split `word` at a hyphenation point, longest first part first:
 * `[head, tail]` where `head` is what stays on the line (without the hyphen).
 * Empty when the word may not be hyphenated.
 *
 * @example
 * hyphenationPoints('informational,'); // → [['informa', 'tional,'], ['infor', 'mational,'], ['in', 'formational,']]
 */
export function hyphenationPoints(word: string): Array<readonly [string, string]> {
  const m = HYPHENATABLE.exec(word);
  if (!m || m[2]!.length < MIN_WORD) return [];
  const [, open, core, close] = m as unknown as [string, string, string, string];
  const parts = syllablesOf(core);
  const points: Array<readonly [string, string]> = [];
  let head = '';
  for (let i = 0; i < parts.length - 1; i++) {
    head += parts[i]!;
    const tailLength = core.length - head.length;
    if (head.length >= LEFT_MIN && tailLength >= RIGHT_MIN) points.push([open + head, core.slice(head.length) + close]);
  }
  return points.reverse();
}

function syllablesOf(word: string): readonly string[] {
  const cached = syllables.get(word);
  if (cached) return cached;
  const parts = enUs.hyphenateSync(word, { hyphenChar: '\u00ad' }).split('\u00ad');
  if (syllables.size > CACHE_LIMIT) syllables.clear();
  syllables.set(word, parts);
  return parts;
}

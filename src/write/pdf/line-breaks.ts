/**
 * Where a line may break, by the Unicode line breaking algorithm (UAX #14,
 * the `linebreak` package): after spaces, after hyphens and dashes, between
 * the characters of Chinese and Japanese text — never at a no-break space.
 *
 * Prose made only of characters whose breaks are exactly "after a space"
 * skips the algorithm (most English text): the answer is the same, cheaper.
 */
import LineBreaker from 'linebreak';

/**
 * Characters that allow a break only after a space (UAX #14 classes AL, NU,
 * QU, OP, CL/CP, IS, EX, GL around letters): printable ASCII without `-`, `/`,
 * `{`, `|`, `}` and `%`, the Latin-1 and Latin Extended letters (without the
 * soft hyphen and the acute accent), curly quotes.
 */
const SPACE_BREAKS_ONLY = /^[\u0020-\u0024\u0026-\u002c\u002e\u0030-\u007a\u007e\u00a0-\u00ac\u00ae-\u00b3\u00b5-\u024f\u2018\u2019\u201c\u201d]*$/;

/**
 * Offsets (UTF-16) before which `text` may break, ascending; never 0 or
 * `text.length`.
 *
 * @example
 * breakOpportunities('well-known 中文'); // → [5, 11, 12]
 */
export function breakOpportunities(text: string): number[] {
  const breaks: number[] = [];
  if (breaksOnlyAfterSpaces(text)) {
    for (let i = 1; i < text.length; i++) {
      if (text.charCodeAt(i - 1) === 32 && text.charCodeAt(i) !== 32) breaks.push(i);
    }
    return breaks;
  }
  return uaxBreakOpportunities(text);
}

/** True when `text` may break only after its spaces, so the algorithm can be skipped. */
export function breaksOnlyAfterSpaces(text: string): boolean {
  return SPACE_BREAKS_ONLY.test(text);
}

/** The same, always by the full algorithm (exported to check the shortcut against it). */
export function uaxBreakOpportunities(text: string): number[] {
  const breaks: number[] = [];
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (b.position > 0 && b.position < text.length) breaks.push(b.position);
  }
  return breaks;
}

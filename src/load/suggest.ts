/**
 * "Did you mean …?" for misspelt field names and values.
 *
 * @example
 * suggestClosest('mentr', ['student', 'mentor', 'organization']); // 'mentor'
 * suggestClosest('zoom', ['in-person', 'phone', 'video']);         // undefined
 */
import { distance } from 'fastest-levenshtein';

const simplify = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The candidate `word` most likely meant, when one is close enough to be a typo. */
export function suggestClosest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || candidates.length === 0) return undefined;
  const w = simplify(word);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = simplify(candidate);
    let score = distance(w, c);
    // "in person" for "in-person", "Mentor" for "mentor": same letters, different dress.
    if (c === w) score = 0;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.ceil(Math.min(w.length, simplify(best).length) * 0.4));
  return bestScore <= limit ? best : undefined;
}

let zones: readonly string[] | undefined;

/** The time zone names the runtime knows (empty where Intl cannot list them). */
export function knownTimeZones(): readonly string[] {
  if (!zones) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  }
  return zones;
}

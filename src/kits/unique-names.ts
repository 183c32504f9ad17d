/**
 * Makes a list of file names distinct, deterministically: the first of equal
 * names keeps it, the others get the smallest free suffix (`maya-patel`,
 * `maya-patel-2`). Names are compared without regard to case, as macOS and
 * Windows do.
 *
 * @example
 * uniqueNames(['maya-patel', 'maya-patel', 'sofia']); // ['maya-patel', 'maya-patel-2', 'sofia']
 */
import { MAX_NAME_LENGTH, truncate } from './safe-file-name.js';

/** Returns `names` (as made by safeFileName) made distinct; '' becomes `fallback`. */
export function uniqueNames(names: readonly string[], fallback = 'unnamed'): string[] {
  const wanted = names.map((n) => (n === '' ? fallback : n));
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  // Every name as given is reserved first, so a real "maya-patel-2" keeps its name.
  const taken = new Set(wanted.map(key));
  const used = new Set<string>();
  return wanted.map((name) => {
    if (!used.has(key(name))) {
      used.add(key(name));
      return name;
    }
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = `${truncate(name, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
      if (!taken.has(key(candidate)) && !used.has(key(candidate))) {
        used.add(key(candidate));
        taken.add(key(candidate));
        return candidate;
      }
    }
  });
}

/**
 * One folder name per student, in roster order: safe on every file system
 * (through the given `safeName`) and unique without regard to case, so two
 * students of the same name get "maya-patel" and "maya-patel-2".
 *
 * @example
 * assignFolders(['Maya Patel', 'Maya Patel'], slug); // ['maya-patel', 'maya-patel-2']
 */
export function assignFolders(names: readonly string[], safeName: (name: string) => string): string[] {
  const taken = new Set<string>(RESERVED);
  return names.map((name) => {
    const base = safeName(name) || 'student';
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Names the batch folder uses for its own files. */
const RESERVED = ['print.pdf', 'manifest.json', 'report.txt', 'report.json'];

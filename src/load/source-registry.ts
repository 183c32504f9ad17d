/**
 * Remembers which parsed document a loaded value came from, so that checks
 * run after loading (unknown question ids, say) can still point at a line.
 *
 * @example
 * rememberSource(interview, source);
 * sourceOf(interview)?.locate(['questions', 'include', 2]);
 */
import type { YamlSource } from './yaml-source.js';

const sources = new WeakMap<object, YamlSource>();

/** Records that `value` was loaded from `source`. */
export function rememberSource(value: object, source: YamlSource): void {
  sources.set(value, source);
}

/** The document `value` was loaded from, when it was loaded by this package's loader. */
export function sourceOf(value: object): YamlSource | undefined {
  return sources.get(value);
}

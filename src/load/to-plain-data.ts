/**
 * Turns a parsed YAML document into plain data that is safe to hand to the
 * schema: objects without a prototype (a `__proto__` key is just a key),
 * strings in Unicode NFC, aliases expanded within a fixed budget (an alias
 * bomb is refused after a few thousand values, not after gigabytes), and
 * every mapping key plain text.
 *
 * @example
 * const source = parseYamlSource('__proto__: {x: 1}\n', 'bad.yaml');
 * const { value } = toPlainData(source); // own key "__proto__"; Object.prototype untouched
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { keyName, type YamlSource } from './yaml-source.js';

/** Most values (mappings, lists, scalars, aliases expanded) a document may produce. */
export const MAX_VALUES = 10_000;

/** Deepest nesting of values, aliases expanded. */
const MAX_DEPTH = 64;

/** Most aliases (`*name`) a file may use; an interview file needs none. */
export const MAX_ALIASES = 100;

/** Most fields one mapping may have; an interview's largest has a dozen. */
export const MAX_KEYS_PER_MAPPING = 1000;

/** The outcome of {@link toPlainData}. */
export interface PlainData {
  /** The data; undefined when it could not be built (an alias bomb, say). */
  readonly value: unknown;
  readonly diagnostics: Diagnostic[];
}

class Refusal extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Builds the plain data of `source`'s document, refusing more than `maxValues` values or `maxAliases` aliases. */
export function toPlainData(source: YamlSource, maxValues = MAX_VALUES, maxAliases = MAX_ALIASES): PlainData {
  const { doc, file } = source;
  const diagnostics: Diagnostic[] = [];
  let produced = 0;
  let aliases = 0;
  // Anchors by name in document order, found in one pass when the first alias needs them
  // (the parser's own Alias.resolve searches the whole document for each alias).
  let anchors: Map<string, { start: number; node: Node }[]> | undefined;
  const resolve = (alias: Alias): Node | undefined => {
    if (!anchors) {
      const found = new Map<string, { start: number; node: Node }[]>();
      visit(doc, (_key, node) => {
        const n = node as Node & { anchor?: string };
        if (n && typeof n === 'object' && n.anchor && n.range) found.set(n.anchor, [...(found.get(n.anchor) ?? []), { start: n.range[0], node: n }]);
      });
      anchors = found;
    }
    const at = alias.range?.[0] ?? 0;
    // The last anchor of that name before the alias (binary search: a name may be anchored again and again).
    const list = anchors.get(alias.source) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1]!.node : undefined;
  };
  const at = (node: { range?: readonly number[] | null } | null | undefined) =>
    node?.range ? source.positionAt(node.range[0]!) : { line: 1, column: 1 };

  const convert = (node: unknown, depth: number, via?: Node): unknown => {
    if (++produced > maxValues) {
      throw new Refusal(
        via
          ? {
              severity: 'error',
              message: `the file expands to more than ${maxValues} values`,
              file,
              ...at(via),
              hints: ['aliases (*name) repeat earlier values; an interview file does not need them'],
            }
          : {
              severity: 'error',
              message: `the file holds more than ${maxValues} values`,
              file,
              ...at(node as Node),
              hints: ['an interview file holds a few dozen; check that this is the right file'],
            },
      );
    }
    if (depth > MAX_DEPTH) {
      throw new Refusal({
        severity: 'error',
        message: `the file is nested too deeply (more than ${MAX_DEPTH} levels)`,
        file,
        ...at((via ?? node) as Node),
        hints: via ? ['an alias (*name) may refer to a value that contains itself'] : [],
      });
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      // Aliases written in the file (those met inside an expansion are counted as values).
      if (!via && ++aliases > maxAliases) {
        throw new Refusal({
          severity: 'error',
          message: `the file uses more than ${maxAliases} aliases (*name)`,
          file,
          ...at(node),
          hints: ['write the values themselves; an interview file does not need aliases'],
        });
      }
      const target = resolve(node);
      if (!target) {
        diagnostics.push({
          severity: 'error',
          message: `unknown alias "*${node.source}"`,
          file,
          ...at(node),
          hints: [`define it earlier with "&${node.source}", or write the value itself`],
        });
        return null;
      }
      return convert(target, depth + 1, via ?? node);
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return v.normalize('NFC');
      if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
      return String(v);
    }
    if (isMap(node)) {
      if (node.items.length > MAX_KEYS_PER_MAPPING) {
        throw new Refusal({
          severity: 'error',
          message: `a mapping holds more than ${MAX_KEYS_PER_MAPPING} fields (${node.items.length})`,
          file,
          ...at(node),
          hints: ['an interview file has a few dozen fields; check that this is the right file'],
        });
      }
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        const key = keyName(pair.key, source.text);
        if (key === undefined) {
          diagnostics.push({
            severity: 'error',
            message: 'a field name must be plain text, not a list or mapping',
            file,
            ...at(pair.key as Node),
            hints: ['write the field name as a word followed by a colon, e.g. "name:"'],
          });
          continue;
        }
        // A null-prototype object: "__proto__" and "constructor" are ordinary keys here.
        out[key.normalize('NFC')] = convert(pair.value, depth + 1, via);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1, via));
    return null;
  };

  try {
    return { value: convert(doc.contents, 0), diagnostics };
  } catch (error) {
    if (error instanceof Refusal) return { value: undefined, diagnostics: [...diagnostics, error.diagnostic] };
    throw error;
  }
}

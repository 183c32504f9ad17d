/**
 * A parsed YAML document that remembers where every value was written, so
 * that a problem found later (by the schema, or by a cross-check such as
 * unknown question ids) can point at its line and column.
 *
 * @example
 * const source = parseYamlSource('student:\n  nme: Maya\n', 'maya.yaml');
 * source.locate(['student', 'nme'], 'key'); // { line: 2, column: 3 }
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type DocumentOptions, type Node, type Pair, type ParseOptions, type SchemaOptions } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Where validated data came from, for placing diagnostics: a YAML document
 * (or one record of a YAML roster), or a source without positions (a CSV row).
 */
export interface Origin {
  /** The file as the user named it. */
  readonly file: string;
  /** Where the value (or with `part: 'key'`, its key) at `path` was written; undefined without positions. */
  locate(path: readonly PropertyKey[], part?: 'key' | 'value'): Position | undefined;
  /** The text of the plain scalar at `path` exactly as written (`01234` for a number), when there is one. */
  written?(path: readonly PropertyKey[]): string | undefined;
}

/** What a path leads to in the document. */
export interface FoundNode {
  /** The value node at the path, when the whole path exists. */
  readonly node?: Node;
  /** The pair holding that value, when its parent is a mapping. */
  readonly pair?: Pair;
  /** How many steps of the path exist. */
  readonly depth: number;
  /** The deepest pair and node that exist along the path. */
  readonly nearestPair?: Pair;
  readonly nearestNode?: Node;
}

/** A parsed document plus the means to find where each value is. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** 1-based position of a character offset. */
  positionAt(offset: number): Position;
  /** Follows `path` through mappings, lists and aliases. */
  find(path: readonly PropertyKey[]): FoundNode;
  /**
   * Where the value at `path` (or with `part: 'key'`, its key) was written.
   * Falls back to the nearest part of the path that exists, then to 1:1.
   */
  locate(path: readonly PropertyKey[], part?: 'key' | 'value'): Position;
}

/**
 * The string a mapping key becomes in the parsed data: its text for string
 * keys, and as written for others (`.nan:` stays ".nan", `1:` stays "1").
 */
export function keyName(key: unknown, text?: string): string | undefined {
  if (isScalar(key)) {
    if (typeof key.value === 'string') return key.value;
    if (text !== undefined && key.range) {
      const written = text.slice(key.range[0], key.range[1]).trim();
      if (written) return written;
    }
    return key.value === null ? '' : String(key.value);
  }
  if (key === null || key === undefined) return '';
  if (typeof key !== 'object') return String(key);
  return undefined;
}

/** Options for the YAML parser (its line counter is always the source's own). */
export type YamlParseOptions = Omit<ParseOptions & DocumentOptions & SchemaOptions, 'lineCounter'>;

/** How interview files are parsed: YAML 1.2 with the core schema even under a "%YAML 1.1" line; no merge keys, no 1.1 tags. */
const INTERVIEW_PARSE_OPTIONS: YamlParseOptions = {
  // Duplicate keys are found by yamlDiagnostics in one pass: the parser's own check compares
  // every key of a mapping with every other (16,000 keys took 6 s).
  uniqueKeys: false,
  prettyErrors: false,
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  keepSourceTokens: false,
};

/**
 * Parses `text` as one YAML document with positions (interview text must
 * already be checked and LF-normalised). `parseOptions` replace
 * {@link INTERVIEW_PARSE_OPTIONS} as a whole.
 */
export function parseYamlSource(text: string, file: string, parseOptions: YamlParseOptions = INTERVIEW_PARSE_OPTIONS): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...parseOptions, lineCounter });
  const positionAt = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };

  const find = (path: readonly PropertyKey[]): FoundNode => {
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    let nearestPair: Pair | undefined;
    let nearestNode: Node | undefined = (doc.contents as Node | null) ?? undefined;
    let depth = 0;
    for (const step of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      pair = undefined;
      if (isMap(node)) {
        // The last of duplicate keys is the one the data holds.
        for (const item of node.items) if (keyName(item.key, text)?.normalize('NFC') === String(step)) pair = item;
        if (!pair) break;
        next = pair.value;
        nearestPair = pair;
      } else if (isSeq(node) && /^\d+$/.test(String(step))) {
        next = node.items[Number(step)];
        if (next === undefined) break;
      } else break;
      depth++;
      node = next;
      if (node && typeof node === 'object' && 'range' in node && (node as Node).range) nearestNode = node as Node;
    }
    const complete = depth === path.length;
    return {
      node: complete && node && !isPair(node) ? (node as Node) : undefined,
      pair: complete ? pair : undefined,
      depth,
      nearestPair,
      nearestNode,
    };
  };

  const rangeStart = (node: unknown): number | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    const range = (node as Node).range;
    return range ? range[0] : undefined;
  };

  const isBlank = (node: unknown): boolean =>
    !node || (isScalar(node) && (node.value === null || node.value === '') && (node.range?.[0] === node.range?.[1] || node.value === null));

  const locate = (path: readonly PropertyKey[], part: 'key' | 'value' = 'value'): Position => {
    const found = find(path);
    if (found.depth === path.length) {
      const keyStart = rangeStart(found.pair?.key);
      // A key with no value ("student:") is best shown at the key.
      if (part === 'key' || isBlank(found.node)) {
        if (keyStart !== undefined) return positionAt(keyStart);
      }
      const valueStart = rangeStart(found.node);
      if (valueStart !== undefined) return positionAt(valueStart);
      if (keyStart !== undefined) return positionAt(keyStart);
    }
    // The path goes on into a plain value ("exclude: one-id" read as a one-item list): show that value.
    if (isScalar(found.nearestNode) && !isBlank(found.nearestNode)) return positionAt(rangeStart(found.nearestNode)!);
    const nearKey = found.depth > 0 ? rangeStart(found.nearestPair?.key) : undefined;
    if (nearKey !== undefined) return positionAt(nearKey);
    const near = rangeStart(found.nearestNode);
    return near !== undefined ? positionAt(near) : { line: 1, column: 1 };
  };

  return { file, text, doc, lineCounter, positionAt, find, locate };
}

/** The {@link Origin} of the data at `base` in `source` (the whole document by default). */
export function originOf(source: YamlSource, base: readonly PropertyKey[] = []): Origin {
  return {
    file: source.file,
    locate: (path, part) => source.locate([...base, ...path], part),
    written(path) {
      const node = source.find([...base, ...path]).node;
      if (isScalar(node) && node.type === 'PLAIN' && node.range) {
        const raw = source.text.slice(node.range[0], node.range[1]).trim();
        if (raw.length > 0) return raw;
      }
      return undefined;
    },
  };
}

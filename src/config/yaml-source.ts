/**
 * Parses settings YAML (kit.yaml, YAML rosters) keeping positions, so that
 * schema errors can point at the line and column of the value (or key) they
 * are about.
 *
 * The document and its positions come from src/load/yaml-source, as for
 * interview.yaml; kept here is what these files do differently: the parser's
 * defaults (a "%YAML 1.1" line is honoured), the parser's own values, and
 * paths that follow keys as those values name them and stop at an alias.
 *
 * @example
 * const source = parseYamlSource('office:\n  nme: x\n', 'kit.yaml');
 * source.positionOf(['office', 'nme'], 'key'); // { line: 2, column: 3 }
 */
import { isMap, isSeq, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { parseYamlSource as parsePositioned, type Position, type YamlParseOptions } from '../load/yaml-source.js';

export type { Position } from '../load/yaml-source.js';

/** Parsed YAML with the means to find where each value was written. */
export interface YamlSource {
  /** The plain JavaScript value (undefined for an empty document or when parsing failed). */
  readonly value: unknown;
  /** Syntax errors and warnings, positioned. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Where the node at `path` starts. `key` asks for the mapping key rather than
   * its value. Falls back to the nearest ancestor that exists.
   */
  positionOf(path: readonly PropertyKey[], part?: 'key' | 'value'): Position | undefined;
}

/** Input larger than this is refused before parsing (1 MiB). */
export const MAX_YAML_BYTES = 1024 * 1024;

/** How many alias expansions a document may need before it is refused (stops alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** Options of {@link parseYamlSource}. */
export interface YamlSourceOptions {
  /** Refuse text longer than this many characters; {@link MAX_YAML_BYTES} by default. */
  readonly maxLength?: number;
}

/** The parser's defaults (YAML version and schema as the file asks), with duplicate keys as errors. */
const SETTINGS_PARSE_OPTIONS: YamlParseOptions = { prettyErrors: false, uniqueKeys: true, strict: true };

/** Parses `text` (a leading BOM is allowed) into a {@link YamlSource}. */
export function parseYamlSource(text: string, file: string, options: YamlSourceOptions = {}): YamlSource {
  const maxLength = options.maxLength ?? MAX_YAML_BYTES;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > maxLength) {
    return {
      value: undefined,
      diagnostics: [
        {
          severity: 'error',
          message: `${file} is too large (${body.length} characters; the limit is ${maxLength})`,
          file,
          hints: ['this file should hold settings only; check that the right file was given'],
        },
      ],
      positionOf: () => undefined,
    };
  }
  const { doc, positionAt } = parsePositioned(body, file, SETTINGS_PARSE_OPTIONS);
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    diagnostics.push({
      severity: 'error',
      message: `YAML syntax: ${firstLine(error.message)}`,
      file,
      ...positionAt(error.pos[0]),
      hints: syntaxHints(error.code),
    });
  }
  for (const warning of doc.warnings) {
    diagnostics.push({ severity: 'warning', message: firstLine(warning.message), file, ...positionAt(warning.pos[0]) });
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        message: `${file} could not be read: ${firstLine((error as Error).message)}`,
        file,
        hints: ['remove the aliases (*name) that repeat large parts of the file'],
      });
    }
  }
  return {
    value,
    diagnostics,
    positionOf(path, part = 'value') {
      return nodePosition(doc, path, part, positionAt);
    },
  };
}

/** Follows `path` by `String(key.value)`, first match; a problem inside an alias is shown at the alias. */
function nodePosition(
  doc: Document,
  path: readonly PropertyKey[],
  part: 'key' | 'value',
  at: (offset: number) => Position,
): Position | undefined {
  let node: unknown = doc.contents;
  let best: Position | undefined = rangeStart(node, at);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(step));
      if (!pair) return best;
      if (last && part === 'key') return rangeStart(pair.key, at) ?? best;
      node = pair.value;
      best = rangeStart(node, at) ?? rangeStart(pair.key, at) ?? best;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) return best;
      node = item;
      best = rangeStart(node, at) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function keyText(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === null || key === undefined ? undefined : String(key);
}

function rangeStart(node: unknown, at: (offset: number) => Position): Position | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return at(range[0]);
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function syntaxHints(code: string): string[] {
  switch (code) {
    case 'DUPLICATE_KEY':
      return ['each key may appear once in a mapping; remove or merge the repeated one'];
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return ['indent nested keys with spaces, the same amount for keys of one mapping'];
    case 'TAB_AS_INDENT':
      return ['YAML indents with spaces, not tabs'];
    default:
      return [];
  }
}

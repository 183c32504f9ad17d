/**
 * YAML syntax errors in plain words, each at the line and column where the
 * reader should look (an unclosed bracket is shown where it was opened).
 *
 * @example
 * yamlDiagnostics(parseYamlSource('student: {name: Maya\n', 'maya.yaml'));
 * // [{ message: 'a mapping opened with "{" is not closed', line: 1, column: 10, ... }]
 */
import { isMap, isSeq, visit, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { keyName, type YamlSource } from './yaml-source.js';

/** Syntax errors reported per file before the rest are left unsaid (one usually causes the next). */
const MAX_SYNTAX_ERRORS = 10;

/** The outcome of {@link yamlDiagnostics}. */
export interface YamlProblems {
  readonly diagnostics: Diagnostic[];
  /** True when the document's structure cannot be trusted (anything worse than a duplicate key). */
  readonly broken: boolean;
}

const INDENT_HINT = 'fields of one mapping start in the same column; indent with spaces, two per level';

/** Translates the parser's errors and warnings of `source` into diagnostics. */
export function yamlDiagnostics(source: YamlSource): YamlProblems {
  const { doc, text, file } = source;
  const diagnostics: Diagnostic[] = [];
  const seenLines = new Set<number>();
  let broken = false;
  let count = 0;
  const errors = doc.errors;
  const codesByOffset = new Map<number, string[]>();
  for (const e of errors) codesByOffset.set(e.pos[0], [...(codesByOffset.get(e.pos[0]) ?? []), e.code]);
  const codesAt = (offset: number) => codesByOffset.get(offset) ?? [];

  let more = false;
  for (const error of errors) {
    if (error.code !== 'DUPLICATE_KEY') broken = true;
    if (count >= MAX_SYNTAX_ERRORS) {
      // Stop describing: a file of thousands of errors is said in its first few.
      more = true;
      continue;
    }
    if (error.code === 'MULTILINE_IMPLICIT_KEY' && codesAt(error.pos[0]).includes('BLOCK_AS_IMPLICIT_KEY')) continue;
    const d = describeError(error, source, codesAt(error.pos[0]));
    const line = d.line ?? 0;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    count++;
    diagnostics.push(d);
  }
  diagnostics.push(...findDuplicateKeys(source));
  if (more) {
    const last = diagnostics[diagnostics.length - 1]!;
    diagnostics[diagnostics.length - 1] = {
      ...last,
      hints: [...(last.hints ?? []), 'more syntax errors follow; fix these first'],
    };
  }

  for (const warning of doc.warnings) {
    const { line, column } = source.positionAt(warning.pos[0]);
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = text.slice(warning.pos[0], warning.pos[1]).trim() || '!';
      diagnostics.push({
        severity: 'warning',
        message: `unknown tag "${tag}"; the value is read as plain text`,
        file,
        line,
        column,
        hints: ['remove the tag'],
      });
    } else {
      diagnostics.push({ severity: 'warning', message: lowerFirst(warning.message), file, line, column });
    }
  }

  const directive = doc.directives?.yaml;
  if (directive?.explicit && directive.version !== '1.2') {
    const at = text.search(/^%YAML/m);
    diagnostics.push({
      severity: 'error',
      message: `the file asks for YAML ${directive.version}; interview files are YAML 1.2`,
      file,
      ...source.positionAt(Math.max(0, at)),
      hints: ['delete the "%YAML" line (YAML 1.1 reads yes/no as true/false and 14:30 as a number)'],
    });
    broken = true;
  }
  return { diagnostics, broken };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** One parser error in plain words. */
function describeError(error: YAMLError, source: YamlSource, codesHere: readonly string[]): Diagnostic {
  const { text, file } = source;
  // An error found at a line break or blank line is shown where the next text starts.
  let offset = error.pos[0];
  for (;;) {
    const end = text.indexOf('\n', offset);
    if (end === -1 || text.slice(offset, end).trim() !== '') break;
    offset = end + 1;
  }
  if (offset >= text.length) offset = error.pos[0];
  const base = { severity: 'error' as const, file };
  const here = { ...base, ...source.positionAt(offset) };
  const message = error.message;
  const charAt = text.charAt(offset);

  switch (error.code) {
    case 'BAD_INDENT': {
      if (/^Flow (sequence|map)/.test(message)) {
        const isSeqError = message.startsWith('Flow sequence');
        const open = unclosedFlow(source, offset, isSeqError ? '[' : '{');
        return {
          ...base,
          ...(open === undefined ? here : source.positionAt(open)),
          message: isSeqError ? 'a list opened with "[" is not closed' : 'a mapping opened with "{" is not closed',
          hints: [
            isSeqError
              ? 'add the closing "]" on the same line, or write one item per line starting with "- "'
              : 'add the closing "}" on the same line, or write one field per line',
          ],
        };
      }
      if (/sequence items/.test(message)) {
        return { ...here, message: 'this list item is not indented like the items above it', hints: ['start every "- " of one list in the same column'] };
      }
      return { ...here, message: 'this line is not indented like the fields above it', hints: [INDENT_HINT] };
    }
    case 'TAB_AS_INDENT':
      return { ...here, message: 'a tab is used for indentation', hints: ['indent with spaces only (most editors can be set to insert spaces for Tab)'] };
    case 'MULTIPLE_DOCS':
      return {
        ...here,
        message: 'the file holds more than one YAML document (a second "---")',
        hints: ['keep one interview per file; several students go in a roster (interview-kit batch)'],
      };
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(message);
      if (quote) {
        const start = openQuote(source, offset);
        return {
          ...base,
          ...(start === undefined ? here : source.positionAt(start)),
          message: `a text opened with ${quote[1]} is not closed`,
          hints: [`add the closing ${quote[1]} at the end of the text`],
        };
      }
      if (/Implicit map keys need to be followed by map values/.test(message)) {
        const lineText = lineAt(text, offset);
        const noSpace = /^\s*[^\s:#][^:#]*:[^\s]/.test(lineText);
        return {
          ...here,
          message: 'this line has no ":" after a field name',
          hints: [noSpace ? 'put a space after the colon, e.g. "name: Maya Patel"' : 'write it as "field: value", or indent it to continue the value above'],
        };
      }
      if (/Missing , (or : )?between/.test(message)) {
        return { ...here, message: 'a "," is missing between two items in [ ] or { }', hints: ['separate items with commas, e.g. [Facilitation, Survey design]'] };
      }
      if (/Missing space after :/.test(message)) {
        return { ...here, message: 'a space is missing after ":"', hints: ['write "key: value" with a space after the colon'] };
      }
      const flowEnd = /must end with a ([\]}])/i.exec(message);
      if (flowEnd) {
        const isSeqError = flowEnd[1] === ']';
        const open = unclosedFlow(source, offset, isSeqError ? '[' : '{');
        return {
          ...base,
          ...(open === undefined ? here : source.positionAt(open)),
          message: isSeqError ? 'a list opened with "[" is not closed' : 'a mapping opened with "{" is not closed',
          hints: [isSeqError ? 'add the closing "]"' : 'add the closing "}"'],
        };
      }
      if (/Sequence item without - indicator/.test(message)) {
        return { ...here, message: 'a list item without "- " in front of it', hints: ['start each list item with "- ", or indent the line to continue the text above'] };
      }
      if (/Comments must be separated/.test(message)) {
        return { ...here, message: 'a "#" comment must have a space before it', hints: ['put a space before "#", or quote the value if "#" belongs to it'] };
      }
      return { ...here, message: `something is missing here: ${lowerFirst(message)}`, hints: [INDENT_HINT] };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (codesHere.includes('MULTILINE_IMPLICIT_KEY')) {
        return {
          ...here,
          message: 'the next line is indented more than this one, so it is read as part of this value',
          hints: [INDENT_HINT],
        };
      }
      return {
        ...here,
        message: 'a value cannot contain ": " unless it is in quotes',
        hints: ['put the whole value in quotes, e.g. title: "Director: Learning & Development"'],
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        ...here,
        message: 'this line is not a "field: value" line (is a ":" missing?)',
        hints: ['write "field: value"; a longer text can continue on indented lines below it'],
      };
    case 'BAD_SCALAR_START': {
      const c = /character (.)/.exec(message)?.[1] ?? charAt;
      return {
        ...here,
        message: `a value cannot start with "${c}" unless it is in quotes`,
        hints: [`put the value in quotes, e.g. "${lineAt(text, offset).slice(source.positionAt(offset).column - 1).trim()}"`],
      };
    }
    case 'BAD_DQ_ESCAPE': {
      const seq = /sequence (\\.?)/.exec(message)?.[1] ?? '\\';
      return {
        ...here,
        message: `"${seq}" is not a valid escape in a "double-quoted" text`,
        hints: ["write \\\\ for a backslash, or use 'single quotes', where a backslash is just a backslash"],
      };
    }
    case 'KEY_OVER_1024_CHARS':
      return { ...here, message: 'a field name is longer than 1024 characters', hints: ['is a ":" missing at the end of a line?'] };
    case 'UNEXPECTED_TOKEN': {
      if (charAt === ']' || charAt === '}') {
        return { ...here, message: `"${charAt}" here closes nothing`, hints: ['remove it, or add the matching opening bracket'] };
      }
      if (charAt === ',') {
        return { ...here, message: 'unexpected ","', hints: ['remove the extra comma'] };
      }
      const token = text.slice(offset, Math.max(offset + 1, error.pos[1])).split('\n')[0]!.slice(0, 20);
      return {
        ...here,
        message: token.includes('"') ? `unexpected '${token}' here` : `unexpected "${token}" here`,
        hints: ['check this line and the one above: a missing ":", a "- " list item among fields, or wrong indentation'],
      };
    }
    case 'BLOCK_IN_FLOW':
      return {
        ...here,
        message: 'a "- " list or "field: value" lines cannot go inside [ ] or { }',
        hints: ['close the bracket on the line where it opens, or write the items on lines starting with "- "'],
      };
    case 'RESOURCE_EXHAUSTION':
      return { ...here, message: 'the file is nested too deeply to read', hints: ['check for unclosed [ or { brackets'] };
    default:
      return { ...here, message: `YAML syntax error: ${lowerFirst(message)}`, hints: [INDENT_HINT] };
  }
}

/** The line of `text` that holds `offset`. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

/** Start of the innermost unclosed flow collection that begins before `offset`. */
function unclosedFlow(source: YamlSource, offset: number, opener: '[' | '{'): number | undefined {
  let best: number | undefined;
  const closer = opener === '[' ? ']' : '}';
  visit(source.doc, (_key, node) => {
    if (!(isSeq(node) || isMap(node)) || !node.flow || !node.range) return;
    const [start, end] = node.range;
    if (start > offset || source.text.charAt(start) !== opener) return;
    if (source.text.slice(start, end).trimEnd().endsWith(closer)) return;
    if (best === undefined || start > best) best = start;
  });
  if (best !== undefined) return best;
  const before = source.text.lastIndexOf(opener, offset);
  return before === -1 ? undefined : before;
}

/** Start of the quoted scalar left open at `offset`. */
function openQuote(source: YamlSource, offset: number): number | undefined {
  let best: number | undefined;
  visit(source.doc, {
    Scalar(_key, node) {
      if (!node.range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      const [start, , end] = node.range;
      if (start <= offset && end >= offset - 1 && (best === undefined || start > best)) best = start;
    },
  });
  return best;
}

/** Duplicate keys reported per file: the first few show the mistake. */
const MAX_DUPLICATE_KEYS = 3;

/**
 * "duplicate field", pointing at the second key and naming the line of the
 * first: one pass over the document with a set of keys per mapping, stopping
 * at the first {@link MAX_DUPLICATE_KEYS}.
 */
function findDuplicateKeys(source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (found.length >= MAX_DUPLICATE_KEYS) return;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const raw = keyName(pair.key, source.text);
        const key = raw?.normalize('NFC');
        const start = (pair.key as Node | null)?.range?.[0];
        if (key !== undefined && start !== undefined) {
          const first = seen.get(key);
          if (first !== undefined) {
            const where = path.length > 0 ? ` in ${path.join('.')}` : '';
            found.push({
              severity: 'error',
              file: source.file,
              ...source.positionAt(start),
              message: `duplicate field "${raw}"${where}`,
              field: [...path, raw!].join('.'),
              hints: [`"${raw}" is already written on line ${source.positionAt(first).line}; keep one of them`],
            });
            if (found.length >= MAX_DUPLICATE_KEYS) return;
          } else seen.set(key, start);
        }
        walk(pair.value, key === undefined ? path : [...path, raw!]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, String(i + 1)]));
  };
  walk(source.doc.contents, []);
  return found;
}

/**
 * The loader every YAML input goes through: text checks (size, binary,
 * BOM, CRLF), YAML 1.2 parsing with positions, safe plain data (no prototype
 * pollution, bounded alias expansion, NFC), then the zod schema, with every
 * problem of the file reported at once, sorted by position.
 *
 * @example
 * const { value, diagnostics } = loadYaml(text, 'maya.yaml', interviewSchema, { what: 'an interview file' });
 */
import { isScalar } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { checkControls, CONTROL_CHARACTER } from './check-controls.js';
import { checkNesting } from './check-nesting.js';
import { checkSize, MAX_FIELDS } from './check-size.js';
import { checkText } from './check-text.js';
import { describeIssue } from './describe-issue.js';
import { prepareData } from './prepare-data.js';
import { MAX_ALIASES, toPlainData } from './to-plain-data.js';
import { yamlDiagnostics } from './yaml-diagnostics.js';
import { originOf, parseYamlSource, type Origin, type YamlSource } from './yaml-source.js';

/** The outcome of loading one file: a value only when there are no errors. */
export interface LoadResult<T> {
  readonly value?: T;
  readonly diagnostics: Diagnostic[];
  /** The parsed document, for positioning later checks; absent when the text could not be parsed. */
  readonly source?: YamlSource;
  /** The plain data that was validated (also when validation failed), for further checks. */
  readonly data?: unknown;
}

/** Options of {@link readYaml} and {@link loadYaml}. */
export interface LoadYamlOptions {
  /** What the file is, for messages: "an interview file". */
  readonly what: string;
  /** An example of the smallest valid file, shown when the file is empty. */
  readonly example?: string;
  /** Size limit in UTF-8 bytes. */
  readonly maxBytes?: number;
  /** Most values the data may hold, aliases expanded (10,000 by default; a roster of many rows needs more). */
  readonly maxValues?: number;
  /** Most aliases (*name) the file may use (100 by default; a roster of many rows may use more). */
  readonly maxAliases?: number;
  /** The hint for a file that is a list where a mapping belongs. */
  readonly listHint?: string;
  /** An empty file (or one of comments only) is this value instead of an error. */
  readonly emptyValue?: unknown;
}

/** The outcome of {@link readYaml}: plain data, before any schema. */
export interface ReadResult {
  /** The plain data; absent when the text could not be read. */
  readonly data?: unknown;
  readonly diagnostics: Diagnostic[];
  /** The parsed document; absent when the text could not be parsed. */
  readonly source?: YamlSource;
}

/** Sorts diagnostics by line and column (unpositioned first), keeping the order of equals. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}

/** Reads `text` (the content of `file`) into safe plain data with positions: no schema yet. Pure: no file system. */
export function readYaml(text: string, file: string, options: LoadYamlOptions): ReadResult {
  const checked = checkText(text, file, { maxBytes: options.maxBytes, what: options.what });
  if (checked.fatal) return { diagnostics: checked.diagnostics };
  const tooDeep = checkNesting(checked.text, file);
  if (tooDeep) return { diagnostics: sortDiagnostics([...checked.diagnostics, tooDeep]) };
  const tooMany = checkSize(checked.text, file, { maxFields: options.maxValues ?? MAX_FIELDS, maxAliases: options.maxAliases ?? MAX_ALIASES });
  if (tooMany) return { diagnostics: sortDiagnostics([...checked.diagnostics, tooMany]) };

  const source = parseYamlSource(checked.text, file);
  const syntax = yamlDiagnostics(source);
  const diagnostics = [...checked.diagnostics, ...syntax.diagnostics];
  if (syntax.broken) return { diagnostics: sortDiagnostics(diagnostics), source };

  const contents = source.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    if (options.emptyValue !== undefined) return { data: options.emptyValue, diagnostics, source };
    diagnostics.push({
      severity: 'error',
      message: 'the file is empty',
      file,
      line: 1,
      column: 1,
      hints: options.example ? [`${options.what} needs at least: ${options.example}`] : [],
    });
    return { diagnostics: sortDiagnostics(diagnostics), source };
  }
  const plain = toPlainData(source, options.maxValues, options.maxAliases);
  diagnostics.push(...plain.diagnostics);
  return { ...(plain.value === undefined ? {} : { data: plain.value }), diagnostics: sortDiagnostics(diagnostics), source };
}

/** The outcome of {@link validateData}. */
export interface ValidateResult<T> {
  readonly value?: T;
  /** The data as validated (free text coerced, blank optional fields removed). */
  readonly data: unknown;
  readonly diagnostics: Diagnostic[];
}

/**
 * Validates plain data against `schema`, one diagnostic per field, placed by
 * `origin`. Every input goes through here: interview files, kit.yaml, and
 * each row of a roster, so the same mistake gets the same words everywhere.
 */
export function validateData<S extends z.ZodType>(plain: unknown, schema: S, origin: Origin): ValidateResult<z.output<S>> {
  const controls = checkControls(plain, origin);
  const data = prepareData(plain, schema, origin);
  // One record is parsed once: zod's compiled fast path (made with `new Function`
  // on first use, ~3 ms) would cost more than it saves.
  const result = schema.safeParse(data, { jitless: true });
  if (result.success && controls.length === 0) return { value: result.data, data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [...controls];
  if (result.success) return { data, diagnostics: sortDiagnostics(diagnostics) };
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    // One diagnostic per field: the first problem found is the one to fix first.
    const id = issue.code === 'unrecognized_keys' ? `keys:${issue.path.join('\u0000')}:${issue.keys.join(',')}` : issue.path.join('\u0000');
    if (seen.has(id)) continue;
    seen.add(id);
    diagnostics.push(...describeIssue(issue, { data, schema, origin }));
  }
  return { data, diagnostics: sortDiagnostics(diagnostics) };
}

/** Loads `text` (the content of `file`) and validates it against `schema`: a mapping of fields. Pure: no file system. */
export function loadYaml<S extends z.ZodType>(text: string, file: string, schema: S, options: LoadYamlOptions): LoadResult<z.output<S>> {
  const read = readYaml(text, file, options);
  const { source } = read;
  const diagnostics = [...read.diagnostics];
  if (!source || read.data === undefined) {
    return { diagnostics, ...(source ? { source } : {}) };
  }
  const plain = read.data;
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    const found = Array.isArray(plain) ? 'a list' : 'a single value';
    const contents = source.doc.contents;
    const start = contents && 'range' in contents && contents.range ? source.positionAt(contents.range[0]) : { line: 1, column: 1 };
    diagnostics.push({
      severity: 'error',
      message: `the file is ${found}, but ${options.what} is a mapping of fields`,
      file,
      ...start,
      hints: Array.isArray(plain)
        ? [options.listHint ?? 'remove the "- " in front of the top-level fields; several interviews go in a roster (interview-kit batch)']
        : [options.example ? `write "field: value" lines, starting with: ${options.example}` : 'write "field: value" lines'],
    });
    return { diagnostics: sortDiagnostics(diagnostics), source };
  }
  const checked = validateData(plain, schema, originOf(source));
  // A control character typed into the file was reported where it stands; its value need not be too.
  const typed = new Set(diagnostics.filter((d) => d.code === CONTROL_CHARACTER).map((d) => d.line));
  const found = checked.diagnostics.filter((d) => d.code !== CONTROL_CHARACTER || !typed.has(d.line));
  const sorted = sortDiagnostics([...diagnostics, ...found]);
  if (checked.value !== undefined && !sorted.some((d) => d.severity === 'error')) {
    return { value: checked.value, diagnostics: sorted, source, data: checked.data };
  }
  return { diagnostics: sorted, source, data: checked.data };
}

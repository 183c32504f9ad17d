/**
 * Counts, before parsing, what makes a YAML file slow to parse: its fields
 * (`key:` indicators) and aliases (`*name`). The YAML lexer runs in one pass
 * and is stopped as soon as a limit is passed, so a file of 100,000
 * duplicate keys is refused in milliseconds instead of being parsed for
 * seconds. The same limits are applied again, exactly, to the parsed data.
 *
 * @example
 * checkSize('a: *x\n'.repeat(500), 'x.yaml', { maxFields: 10_000, maxAliases: 100 }); // error at line 101
 */
import { Lexer } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

/** Most fields a file other than a roster may hold; the bundled guide, the largest, has under 200. */
export const MAX_FIELDS = 2000;

/** Limits of {@link checkSize}. */
export interface SizeLimits {
  /** Most `key:` indicators in the whole file. */
  readonly maxFields: number;
  /** Most aliases in the whole file. */
  readonly maxAliases: number;
}

/** An error at the first field or alias past its limit, or undefined. */
export function checkSize(text: string, file: string, limits: SizeLimits): Diagnostic | undefined {
  let fields = 0;
  let aliases = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const first = token.charCodeAt(0);
    if (token === ':' && ++fields > limits.maxFields) {
      return refuse(text, file, offset, `the file holds more than ${limits.maxFields} fields`, 'an interview file has a few dozen; check that this is the right file');
    }
    if (first === 42 /* * */ && token.length > 1 && ++aliases > limits.maxAliases) {
      return refuse(text, file, offset, `the file uses more than ${limits.maxAliases} aliases (*name)`, 'write the values themselves; an interview file does not need aliases');
    }
    // Control tokens of the lexer (document and flow markers) are one character outside the text.
    if (first !== 0x02 && first !== 0x18 && first !== 0x1f) offset += token.length;
  }
  return undefined;
}

function refuse(text: string, file: string, offset: number, message: string, hint: string): Diagnostic {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { severity: 'error', message, file, line, column: offset - start + 1, hints: [hint] };
}

/**
 * Control characters in parsed values. The raw-text check sees only what is
 * typed; a YAML escape ("a\u0000b", "\e[31m", "x\rY"), a CSV cell or a PDF
 * form field can still carry characters that end a calendar line, drop an
 * event's summary or reach a terminal as a command. No value may hold C0 or
 * C1 controls (tab and line feed excepted: multi-line text is fine), DEL,
 * the line and paragraph separators U+2028/2029, or the bidi embeddings and
 * overrides U+202A–202E (the isolates U+2066–2069, which the renderer
 * itself adds around right-to-left text, are kept).
 *
 * @example
 * checkControls({ student: { name: 'a\u0000b' } }, origin);
 * // [{ message: 'student.name holds the invisible control character U+0000', line: 2, column: 9, ... }]
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Origin } from './yaml-source.js';

/** The characters no value may hold. */
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_CHARACTER.source, 'g');

/** The `code` of a diagnostic about a control character, here and in the raw text's check. */
export const CONTROL_CHARACTER = 'control-character';

/** Reports per input before the rest are left unsaid. */
const MAX_REPORTS = 5;

/** "U+001B" for the first forbidden character of `text`, or undefined. */
export function forbiddenCharacterIn(text: string): string | undefined {
  const m = FORBIDDEN_CHARACTER.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** `text` with CR LF, lone CR and the line and paragraph separators made line feeds and every other forbidden character removed (for PDF form fields, where nothing can be pointed at). */
export function stripForbiddenCharacters(text: string): string {
  return text.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(FORBIDDEN_ALL, '');
}

/** One error per string value (or key) of `data` that holds a forbidden character, placed by `origin`. */
export function checkControls(data: unknown, origin: Origin): Diagnostic[] {
  const found: Diagnostic[] = [];
  let more = 0;
  const report = (path: PropertyKey[], code: string, part: 'key' | 'value') => {
    if (found.length >= MAX_REPORTS) {
      more++;
      return;
    }
    const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
    found.push({
      severity: 'error',
      code: CONTROL_CHARACTER,
      message: `${field || 'the value'} holds the invisible control character ${code}`,
      file: origin.file,
      ...origin.locate(path, part),
      ...(field ? { field } : {}),
      hints: ['delete it; a line break in a field is written as a new line of a block ("|") or a list item'],
    });
  };
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const code = forbiddenCharacterIn(value);
      if (code) report(path, code, 'value');
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const code = forbiddenCharacterIn(key);
        if (code) report([...path, key], code, 'key');
        else visit(item, [...path, key]);
      }
    }
  };
  visit(data, []);
  if (more > 0) {
    const last = found[found.length - 1]!;
    found[found.length - 1] = { ...last, hints: [...(last.hints ?? []), `${more} more such values follow`] };
  }
  return found;
}

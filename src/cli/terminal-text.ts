/**
 * Text on its way to a terminal. Values from input files (a student's name,
 * a roster cell, a YAML escape) are quoted in diagnostics and progress lines;
 * an escape sequence among them could set the terminal's title, move the
 * cursor or hide what follows. Every line the CLI prints goes through
 * {@link terminalText}, which shows such characters as `\u{1b}` instead.
 *
 * @example
 * terminalText('row 3 (\u001b]0;pwned\u0007)'); // 'row 3 (\\u{1b}]0;pwned\\u{7})'
 */

/** C0 controls but tab and line feed, DEL, C1 controls, the line and paragraph separators, bidi embeddings, overrides and isolates. */
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every character that could act on a terminal written as a visible `\u{…}` escape. */
export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

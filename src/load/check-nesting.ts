/**
 * Refuses text nested so deeply that parsing it could exhaust the stack.
 * Interview files are four levels deep; a hundred levels is never a person
 * writing YAML, and the parser's own recovery from deep recursion is not safe
 * to rely on in a long-running process.
 *
 * @example
 * checkNesting('a: ' + '['.repeat(500), 'x.yaml'); // one error at 1:4 or so
 */
import type { Diagnostic } from '../diagnostics.js';

/** Deepest nesting (flow brackets or block levels) accepted before parsing. */
export const MAX_NESTING = 64;

/** An error when `text` nests deeper than {@link MAX_NESTING}, else undefined. */
export function checkNesting(text: string, file: string): Diagnostic | undefined {
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  const indents: number[] = [];
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atLineStart) {
      atLineStart = false;
      let j = i;
      while (text.charCodeAt(j) === 32) j++;
      const first = text.charCodeAt(j);
      if (first !== 10 && first !== 35 && j < text.length) {
        // Block level: an indentation stack, plus one level per leading "- " indicator.
        const indent = j - i;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while (text.charCodeAt(j) === 45 /* - */ && text.charCodeAt(j + 1) === 32) {
          dashes++;
          j += 2;
          while (text.charCodeAt(j) === 32) j++;
        }
        if (indents.length + dashes > MAX_NESTING) return tooDeep(file, line, 1);
      }
    }
    if (c === 10) {
      line++;
      lineStart = i + 1;
      atLineStart = true;
    } else if (c === 91 || c === 123) {
      if (++flow > MAX_NESTING) return tooDeep(file, line, i - lineStart + 1);
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return undefined;
}

function tooDeep(file: string, line: number, column: number): Diagnostic {
  return {
    severity: 'error',
    message: `the file is nested too deeply (more than ${MAX_NESTING} levels)`,
    file,
    line,
    column,
    hints: ['an interview file is a few levels deep: check for unclosed [ or { brackets'],
  };
}

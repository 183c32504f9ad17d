/**
 * Escaping of user data for Markdown, done by the render stage so that a
 * student who types `# heading`, `**x**`, `[x](javascript:…)` or `{{x}}`
 * gets those characters printed literally.
 */

import { typesetValue } from './typeset-value.js';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Backslash-escapes every ASCII punctuation character (CommonMark allows an
 * escape before any of them), folds line breaks and runs of white space into
 * single spaces, and NFC-normalises; then typesets the value (a no-break space
 * after an honorific, a bidi isolate around right-to-left text: see
 * typeset-value.ts).
 *
 * @example
 * escapeMarkdown('**x** [a](b)') // '\\*\\*x\\*\\* \\[a\\]\\(b\\)'
 */
export function escapeMarkdown(value: string): string {
  return typesetValue(value.normalize('NFC').replace(/\s+/g, ' ').trim()).replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * A Markdown link to a checked URL, its text `display` escaped. The destination is
 * percent-encoded where Markdown would read it otherwise: `<`, `>`, white space, and
 * `|`, which ends a table cell even inside a link (the text's `\|` is already cell-safe).
 *
 * @example
 * markdownLink('https://ok.example/a|b', 'ok.example/a|b') // '[ok\\.example\\/a\\|b](<https://ok.example/a%7Cb>)'
 */
export function markdownLink(url: string, display: string): string {
  return `[${escapeMarkdown(display)}](<${url.replace(/[<>\s|]/g, encodeURIComponent)}>)`;
}

/**
 * A string of Markdown that is trusted (guide content, or text the kits
 * built from escaped parts). The render stage leaves it as it is.
 */
export class Markdown {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

/** Marks trusted Markdown. */
export function trusted(source: string): Markdown {
  return new Markdown(source);
}

/** What `escapeView` returns for a value: strings become escaped Markdown, the rest keeps its shape. */
export type Escaped<T> = T extends string
  ? Markdown
  : T extends Markdown
    ? Markdown
    : T extends readonly (infer U)[]
      ? Escaped<U>[]
      : T extends object
        ? { [K in keyof T]: Escaped<T[K]> }
        : T;

/**
 * Walks a view model and escapes every plain string in it, leaving
 * `Markdown` values, numbers and booleans alone. Objects are rebuilt with a
 * null prototype, so data keys such as `__proto__` cannot reach a prototype.
 */
export function escapeView<T>(value: T): Escaped<T> {
  return escapeValue(value) as Escaped<T>;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return new Markdown(escapeMarkdown(value));
  if (value instanceof Markdown) return value;
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, inner] of Object.entries(value)) out[key] = escapeValue(inner);
    return out;
  }
  return value;
}

/**
 * Marks every string of trusted content (the guide) as Markdown, so that it
 * passes through `escapeView` untouched.
 */
export function trustView<T>(value: T): Escaped<T> {
  if (typeof value === 'string') return new Markdown(value) as Escaped<T>;
  if (Array.isArray(value)) return value.map((v) => trustView(v)) as Escaped<T>;
  if (value !== null && typeof value === 'object' && !(value instanceof Markdown)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, inner] of Object.entries(value)) out[key] = trustView(inner);
    return out as Escaped<T>;
  }
  return value as Escaped<T>;
}

/**
 * The Handlebars helpers templates may use. Templates are compiled with
 * `knownHelpersOnly`, so a misspelt helper is a compile error with a position.
 */
import { Markdown } from './escape-markdown.js';

type HelperFn = (...args: unknown[]) => unknown;

/** Text of a value, whether plain or Markdown. */
function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export const helpers: Readonly<Record<string, HelperFn>> = {
  /** `{{#if (eq a b)}}`: equality of the printed values. */
  eq: (a, b) => textOf(a) === textOf(b),
  /** `{{join list ", "}}`: items joined by a separator. */
  join: (list, sep) =>
    new Markdown(Array.isArray(list) ? list.map(textOf).join(typeof sep === 'string' ? sep : ', ') : textOf(list)),
  /** `{{plural n "minute"}}` → "1 minute" / "20 minutes". */
  plural: (n, word) => {
    const count = Number(n);
    return `${count} ${textOf(word)}${count === 1 ? '' : 's'}`;
  },
  /** `{{inc @index}}`: one-based numbering. */
  inc: (n) => Number(n) + 1,
  /** `{{#if (or a b)}}`. */
  or: (...args) => args.slice(0, -1).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v))),
  /** `{{#if (and a b)}}`. */
  and: (...args) => args.slice(0, -1).every((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v))),
  /** `{{#if (not a)}}`. */
  not: (v) => (Array.isArray(v) ? v.length === 0 : !v),
};

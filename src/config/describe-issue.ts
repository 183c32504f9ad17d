/**
 * Turns a zod issue into the words of a diagnostic: the dotted field, a
 * message that quotes the bad value, and hints (did-you-mean for unknown keys,
 * the expected format for dates and colours).
 *
 * @example
 * describeIssue(issue, input); // { field: 'meeting.date', message: 'meeting.date is not a date ("2027-02-31")', hints: [...] }
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { valueAt } from '../load/describe-issue.js';

/** What a diagnostic needs to say about one schema issue. */
export interface IssueDescription {
  /** Dotted path of the field the issue is about (for unknown keys: the unknown key itself). */
  readonly field: string;
  /** Path segments of that field. */
  readonly path: readonly PropertyKey[];
  /** True when the issue is about a key that should not be there (point at the key, not its value). */
  readonly isKey: boolean;
  readonly message: string;
  readonly hints: readonly string[];
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo (looser than src/load/suggest). */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word.toLowerCase(), candidates as string[]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(word.toLowerCase(), best) <= limit ? best : undefined;
}

/** A short quotation of a value: `("next tuesday")`, ` (a list)`, or '' when absent (src/load's leaves out lists and mappings). */
function quoteValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return ` (${JSON.stringify(shown)})`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return ` (${String(value)})`;
  if (Array.isArray(value)) return ' (a list)';
  return ' (a mapping)';
}

/**
 * Describes one issue. `knownKeys(path)` lists the keys allowed in the
 * mapping at `path`, for did-you-mean suggestions.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): IssueDescription[] {
  const path = issue.path as PropertyKey[];
  const dotted = (p: readonly PropertyKey[]) => p.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const suggestion = suggestName(key, knownKeys(path));
      const where = path.length ? ` in ${dotted(path)}` : '';
      return {
        field: dotted(keyPath),
        path: keyPath,
        isKey: true,
        message: `unknown field "${key}"${where}`,
        hints: suggestion
          ? [`did you mean "${suggestion}"?`]
          : [`known fields${where}: ${knownKeys(path).join(', ')}`],
      };
    });
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the alternative that got furthest: the one not rejected outright for its type.
    const depth = (issues: readonly z.core.$ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));
    const typeOnly = (issues: readonly z.core.$ZodIssue[]) =>
      issues.every((i) => (i.code === 'invalid_type' || i.code === 'invalid_union') && i.path.length === 0);
    const branch = [...issue.errors]
      .filter((issues) => !typeOnly(issues))
      .sort((a, b) => depth(b) - depth(a))[0];
    if (branch) {
      return branch.flatMap((inner) =>
        describeIssue({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, input, knownKeys),
      );
    }
  }
  const value = valueAt(input, path);
  const field = dotted(path);
  const hints: string[] = [];
  let message: string;
  if (issue.code === 'invalid_type' && value === undefined) {
    message = `${field} is required`;
    hints.push(`add ${field}`);
  } else if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    message = `${field} must be ${article(issue.expected)}${quoteValue(value)}`;
  } else if (issue.code === 'invalid_union' && issue.message === 'Invalid input') {
    message = `${field} has the wrong form${quoteValue(value)}`;
  } else {
    const text = issue.message.startsWith(field) ? issue.message : `${field || 'the file'} ${issue.message}`;
    message = `${text}${text.includes('(') ? '' : quoteValue(value)}`;
  }
  if (/is not a date/.test(message)) hints.push('write it as YYYY-MM-DD, e.g. 2026-12-03');
  if (/is not a time( \(|$)/.test(message)) hints.push('write it as HH:MM on a 24-hour clock, e.g. 14:30');
  return [{ field, path, isKey: false, message, hints }];
}

function article(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping (key: value lines)';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

/**
 * One zod issue → diagnostics in the project's voice: the field, what is
 * wrong with the value the user wrote (quoted), and how to fix it, placed at
 * the YAML node it came from.
 *
 * @example
 * // meeting.date: next tuesday
 * // → maya.yaml:14:9: error: meeting.date is not a date ("next tuesday")
 * //     hint: write it as YYYY-MM-DD, e.g. 2026-12-03
 */
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { describeExpected, describeFound, describePath, fieldName, quoteValue, yamlNumber } from './describe-value.js';
import { explainDate } from './explain-date.js';
import type { FieldKind } from './field-kind.js';
import { allowedKeys, childSchema, fieldKind, fieldSchema, unwrapSchema } from './schema-walk.js';
import { suggestClosest } from './suggest.js';
import { timeZoneCandidates } from './zone-names.js';
import type { Origin } from './yaml-source.js';

/** Unknown keys reported per mapping. */
const MAX_UNKNOWN_KEYS = 5;

/** What {@link describeIssue} needs besides the issue. */
export interface IssueContext {
  /** The data that was validated. */
  readonly data: unknown;
  /** The schema it was validated against. */
  readonly schema: z.ZodType;
  /** Where the data was written. */
  readonly origin: Origin;
}

type Issue = z.core.$ZodIssue;

/** Reads the own property at `path` of `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, step as PropertyKey)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[step as PropertyKey];
  }
  return node;
}

/** The schema's own message, when the issue carries one (zod's defaults start with a capital). */
function ownMessage(issue: Issue): string | undefined {
  return /^(Invalid|Too (small|big)|Unrecognized|Expected)\b/.test(issue.message) ? undefined : issue.message;
}

/** Translates one issue; unknown keys give one diagnostic each. */
export function describeIssue(issue: Issue, context: IssueContext): Diagnostic[] {
  const { data, schema, origin } = context;
  const path = issue.path as PropertyKey[];
  const value = valueAt(data, path);
  const field = fieldName(path);
  const name = describePath(path);
  const here = { severity: 'error' as const, file: origin.file, field: field || undefined, ...origin.locate(path) };
  const s = fieldSchema(schema, path);
  const kind = fieldKind(s);

  switch (issue.code) {
    case 'unrecognized_keys':
      // The first few are enough to see the mistake; each would be placed by a search of its mapping.
      return issue.keys.slice(0, MAX_UNKNOWN_KEYS).map((key) => unknownKey(key, path, context));

    case 'invalid_type': {
      if (value === undefined) return [missing(path, context)];
      if (value === null || (Array.isArray(value) && value.length === 0 && issue.expected !== 'array')) {
        return [{ ...here, message: `${name} is empty`, hints: [fillHint(path, s)] }];
      }
      if (issue.expected === 'int') {
        return [{ ...here, message: `${name} ${ownMessage(issue) ?? 'must be a whole number'}, not ${typeof value === 'number' ? yamlNumber(value) : String(value)}`, hints: kindHints(kind, value) }];
      }
      const expected = kind === 'text-list' ? 'text or a list of text' : describeExpected(issue.expected);
      return [
        {
          ...here,
          message: `${name} should be ${expected}, but it is ${describeFound(value)}`,
          hints: typeHints(issue.expected, value, path, kind, s),
        },
      ];
    }

    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      if (issue.origin === 'string') {
        if (small && typeof value === 'string' && value.trim() === '') {
          return [{ ...here, message: `${name} is empty`, hints: [fillHint(path, s)] }];
        }
        const length = typeof value === 'string' ? [...value].length : 0;
        return [
          {
            ...here,
            message: small
              ? `${name} is too short (${length} characters; at least ${limit})`
              : `${name} is too long (${length} characters; at most ${limit})`,
            hints: [small ? 'write a little more' : 'shorten it; the documents have room for a few lines here'],
          },
        ];
      }
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        return [
          {
            ...here,
            message: small
              ? `${name} needs at least ${limit} ${limit === 1 ? 'item' : 'items'}`
              : `${name} has ${count} items; at most ${limit}`,
            hints: [small ? 'add the missing items, one per line starting with "- "' : 'keep the most important ones'],
          },
        ];
      }
      const words = ownMessage(issue) ?? (small ? `must be at least ${limit}` : `must be at most ${limit}`);
      return [{ ...here, message: `${name} ${words}, not ${typeof value === 'number' ? yamlNumber(value) : String(value)}`, hints: kindHints(kind, value) }];
    }

    case 'invalid_format': {
      if (issue.format === 'email' || kind === 'email') {
        return [{ ...here, message: `${name} is not an email address${quoteValue(value)}`, hints: kindHints('email', value) }];
      }
      const words = ownMessage(issue) ?? `is not a valid ${issue.format}`;
      return [{ ...here, message: `${name} ${words}${quoteValue(value)}`, hints: kindHints(kind, value) }];
    }

    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const guess = typeof value === 'string' ? suggestClosest(value, allowed) : undefined;
      const hints = [`use one of: ${allowed.join(', ')}`];
      if (guess) hints.unshift(`did you mean "${guess}"?`);
      return [{ ...here, message: `${name} is not one of the allowed values${quoteValue(value)}`, hints }];
    }

    case 'custom': {
      if (kind === 'url' && typeof value === 'string') return [badUrl(value, name, here)];
      if (kind === 'timezone' && typeof value === 'string') {
        return [{ ...here, message: `${name} is not a time zone${quoteValue(value)}`, hints: kindHints('timezone', value) }];
      }
      if (kind === 'date' && typeof value === 'string') {
        return [{ ...here, message: `${name} is not a date${quoteValue(value)}`, hints: kindHints('date', value) }];
      }
      const words = ownMessage(issue) ?? 'is not valid';
      // A message that already quotes the value ("is not a length ("wide")") is not quoted twice.
      return [{ ...here, message: `${name} ${words}${words.includes('(') ? '' : quoteValue(value)}`, hints: kindHints(kind, value) }];
    }

    case 'invalid_union': {
      // Report the alternative that got furthest: one not rejected outright for its type
      // (margins: {top: 9in} is a mapping with a bad side, not a bad length).
      const branch = furthestBranch(issue.errors);
      if (branch) {
        return branch.flatMap((inner) => describeIssue({ ...inner, path: [...path, ...inner.path] } as Issue, context));
      }
      const own = ownMessage(issue);
      if (own) return [{ ...here, message: `${name} ${own}${quoteValue(value)}`, hints: kindHints(kind, value) }];
      return [
        {
          ...here,
          message: `${name} is not valid: it is ${describeFound(value)}`,
          hints: kindHints(kind, value),
        },
      ];
    }

    default:
      return [{ ...here, message: `${name}: ${ownMessage(issue) ?? issue.message.toLowerCase()}${quoteValue(value)}`, hints: kindHints(kind, value) }];
  }
}

/** The issues of the union alternative that got furthest, unless every one was rejected for its type. */
function furthestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const typeOnly = (issues: readonly Issue[]) =>
    issues.every((i) => (i.code === 'invalid_type' || i.code === 'invalid_union') && i.path.length === 0);
  const depth = (issues: readonly Issue[]) => Math.max(0, ...issues.map((i) => i.path.length));
  return [...branches].filter((issues) => !typeOnly(issues)).sort((a, b) => depth(b) - depth(a))[0];
}

/** "student.name is missing", at the parent's key. */
function missing(path: readonly PropertyKey[], context: IssueContext): Diagnostic {
  const { origin, schema } = context;
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const required = requiredKeys(fieldSchema(schema, path));
  let hint: string;
  if (parent.length === 0) {
    hint = required.length > 0
      ? `add a "${key}:" section with ${required.map((k) => `"${k}: …"`).join(', ')} indented below it`
      : `add a "${key}:" line`;
  } else {
    hint = `add "${key}: …" under "${describePath(parent)}:"`;
  }
  const parentValue = valueAt(context.data, parent);
  const allowed = allowedKeys(fieldSchema(schema, parent));
  if (parentValue && typeof parentValue === 'object' && !Array.isArray(parentValue)) {
    const misspelt = Object.keys(parentValue).find((k) => !allowed.includes(k) && suggestClosest(k, allowed) === key);
    if (misspelt !== undefined) {
      const line = origin.locate([...parent, misspelt], 'key')?.line;
      hint = `"${misspelt}"${line ? ` on line ${line}` : ''} may be meant as "${key}"`;
    }
  }
  return {
    severity: 'error',
    message: `${describePath(path)} is missing`,
    file: origin.file,
    field: fieldName(path),
    ...origin.locate(parent, 'key'),
    hints: [hint],
  };
}

/** The keys an object schema requires. */
function requiredKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const s = unwrapSchema(schema);
  if (!(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, z.ZodType>)
    .filter(([, child]) => !child.safeParse(undefined).success)
    .map(([key]) => key);
}

/** How to fill a field left empty. */
function fillHint(path: readonly PropertyKey[], schema: z.ZodType | undefined): string {
  const key = path.length > 0 ? String(path[path.length - 1]) : '';
  const inner = schema ? unwrapSchema(schema) : undefined;
  if (inner instanceof z.ZodObject) {
    const required = requiredKeys(schema);
    const example = required[0] ?? allowedKeys(schema)[0] ?? 'name';
    return `write its fields on indented lines below "${key}:", e.g. "  ${example}: …"`;
  }
  if (typeof path[path.length - 1] === 'number') return 'write the item after "- ", or delete the line';
  return `write it after "${key}:"`;
}

/** Hints for a value of the wrong type. */
function typeHints(expected: string, value: unknown, path: readonly PropertyKey[], kind: FieldKind | undefined, schema: z.ZodType | undefined): string[] {
  const key = String(path[path.length - 1] ?? '');
  if (expected === 'string') {
    if (Array.isArray(value)) {
      return ['write it as one line of text, without "- " or [ ]'];
    }
    if (value && typeof value === 'object') {
      if (typeof path[path.length - 1] === 'number') return ['the item contains ": ", so it is read as a field; put the whole item in quotes'];
      return [`write it as text on the same line, e.g. "${key}: …"; if it contains ": ", put it in quotes`];
    }
    return kindHints(kind, value);
  }
  if (expected === 'object') {
    const example = allowedKeys(schema)[0] ?? 'name';
    if (Array.isArray(value)) return [`remove the "- " in front of its fields: they go on indented lines below "${key}:"`];
    const glued = typeof value === 'string' ? /^([\w-]+):(\S.*)$/.exec(value) : null;
    if (glued) return [`put a space after the colon: "${glued[1]}: ${glued[2]}"`];
    return [`write its fields on indented lines below "${key}:", e.g. "  ${example}: …"`];
  }
  if (expected === 'array') {
    return ['write one item per line below it, each starting with "- ", or [a, b] on one line'];
  }
  if (expected === 'number') {
    if (typeof value === 'string') {
      const n = /^\s*(\d+)\b/.exec(value)?.[1];
      if (n !== undefined && /^\s*\d+\s*$/.test(value)) return [`remove the quotes: ${key}: ${n}`];
      if (n !== undefined) return [`write the number alone, e.g. ${key}: ${n}`];
    }
    return kindHints(kind, value).length > 0 ? kindHints(kind, value) : [`write a number, e.g. ${key}: 30`];
  }
  if (expected === 'boolean') {
    return ['write true or false'];
  }
  return kindHints(kind, value);
}

/** What a well-formed value of each kind looks like. */
function kindHints(kind: FieldKind | undefined, value: unknown): string[] {
  const text = typeof value === 'string' ? value.trim() : '';
  switch (kind) {
    case 'date': {
      const hints: string[] = [];
      const reason = explainDate(text);
      if (reason) hints.push(reason);
      else hints.push('write it as YYYY-MM-DD, e.g. 2026-12-03');
      if (/^\d{4}-\d{2}-\d{2}[ T]\d/.test(text)) hints.push('put the time in its own field: time: "14:30"');
      return hints;
    }
    case 'time': {
      const twelve = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i.exec(text);
      if (twelve) {
        let hour = Number(twelve[1]) % 12;
        if (twelve[3]!.toLowerCase() === 'p') hour += 12;
        const hhmm = `${String(hour).padStart(2, '0')}:${twelve[2] ?? '00'}`;
        return [`write it on the 24-hour clock: "${hhmm}"`];
      }
      return ['write it as HH:MM on the 24-hour clock, e.g. "14:30"'];
    }
    case 'timezone': {
      const guesses = timeZoneCandidates(text);
      const example = 'write an IANA zone name such as America/New_York or Europe/Paris';
      return guesses.length > 0 ? [`did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?`, example] : [example];
    }
    case 'email':
      return text.toLowerCase().startsWith('mailto:') ? ['remove "mailto:"'] : ['write it like name@example.com'];
    case 'minutes':
      return ['an informational interview usually takes 20 to 30 minutes'];
    default:
      return [];
  }
}

/** A URL that failed the http/https/mailto rule. */
function badUrl(value: string, name: string, here: Omit<Diagnostic, 'message'>): Diagnostic {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1];
  if (scheme && !/^(https?|mailto)$/i.test(scheme) && !/^[a-z0-9-]+\.[a-z]/i.test(value)) {
    return {
      ...here,
      message: `${name} is not an allowed web address${quoteValue(value)}`,
      hints: [`"${scheme}:" addresses are not allowed; use one starting with https://, http:// or mailto:`],
    };
  }
  const looksLikeHost = /^[^\s/:]+\.[^\s]+$/.test(value.trim());
  return {
    ...here,
    message: `${name} is not a web address${quoteValue(value)}`,
    hints: [looksLikeHost ? `start it with https://, e.g. "https://${value.trim()}"` : 'write a full address starting with https://, e.g. https://acme.example'],
  };
}

/** `unknown field "mentr"` at the key, with a did-you-mean. */
function unknownKey(key: string, parent: readonly PropertyKey[], context: IssueContext): Diagnostic {
  const { origin, schema } = context;
  const allowed = allowedKeys(fieldSchema(schema, parent));
  const where = parent.length > 0 ? ` in ${describePath(parent)}` : '';
  const hints: string[] = [];
  const guess = suggestClosest(key, allowed);
  if (guess) hints.push(`did you mean "${guess}"?`);
  else {
    const homes = placesOf(key, schema).filter((p) => p.join('.') !== parent.join('.'));
    if (homes.length > 0) {
      const names = homes.map((p) => (p.length > 0 ? describePath(p) : 'the top level'));
      hints.push(`"${key}" belongs ${homes.every((p) => p.length > 0) ? 'under ' : 'at '}${names.join(' or ')}; check its indentation`);
    }
    if (allowed.length > 0) hints.push(`fields allowed here: ${allowed.join(', ')}`);
  }
  return {
    severity: 'error',
    message: `unknown field "${key}"${where}`,
    file: origin.file,
    field: fieldName([...parent, key]),
    ...origin.locate([...parent, key], 'key'),
    hints,
  };
}

/** Paths of the objects in `schema` that allow `key` (a misplaced field's likely home). */
function placesOf(key: string, schema: z.ZodType): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const walk = (s: z.ZodType | undefined, path: PropertyKey[], depth: number): void => {
    if (!s || depth > 4) return;
    const keys = allowedKeys(s);
    if (keys.includes(key)) found.push(path);
    for (const k of keys) walk(childSchema(s, k), [...path, k], depth + 1);
  };
  walk(schema, [], 0);
  return found;
}


/**
 * The form's contents as a draft — each field's value by its dotted path,
 * as the page keeps it (and stores it, and reads it from a link) — and the
 * interview.yaml it stands for. Pure, so the page and the tests share it.
 */
import { stringify } from 'yaml';
import type { Guide } from '../load/content-schema.js';
import { ALL_FIELDS, type Field } from './fields.js';

/** Text of a field, the ids of the chosen questions (`questions.include`), or a yes/no. */
export type DraftValue = string | boolean | readonly string[];
export type Draft = Readonly<Record<string, DraftValue>>;

export const INCLUDE = 'questions.include';

const fieldByPath = new Map(ALL_FIELDS.map((f) => [f.path, f]));

/** The lines of a list field, blank lines left out. */
function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** The value a field's draft text stands for in interview.yaml; undefined leaves the key out. */
function dataValue(field: Field, value: DraftValue): unknown {
  if (field.kind === 'yes-no') return value === true ? true : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (field.kind === 'list') {
    const items = lines(value);
    return items.length > 0 ? items : undefined;
  }
  // A number when it is one; otherwise the text, so the schema says what is wrong with it.
  if (field.kind === 'minutes') return /^\d+$/.test(text) ? Number(text) : text;
  return text;
}

/** The interview as interview.yaml holds it, keys in the schema's order. */
export function draftToData(draft: Draft): Record<string, unknown> {
  const data: Record<string, Record<string, unknown>> = {};
  const put = (path: string, value: unknown) => {
    if (value === undefined) return;
    const [section, key] = path.split('.') as [string, string];
    (data[section] ??= {})[key] = value;
  };
  for (const section of ['student', 'mentor', 'organization', 'meeting', 'questions', 'notes']) {
    for (const field of ALL_FIELDS) {
      if (!field.path.startsWith(`${section}.`)) continue;
      if (section === 'questions') {
        const include = draft[INCLUDE];
        if (Array.isArray(include)) put(INCLUDE, [...include]);
      }
      const value = draft[field.path];
      if (value !== undefined) put(field.path, dataValue(field, value));
    }
  }
  return data;
}

/** interview.yaml of a draft. */
export function draftToYaml(draft: Draft): string {
  return stringify(draftToData(draft), { lineWidth: 0 });
}

/** The ids of the bank's questions that `questions` (include and exclude, ids or group ids) chooses; the starter set when it names none. */
export function chosenQuestionIds(questions: unknown, guide: Guide): string[] {
  const asList = (v: unknown): string[] | undefined => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : undefined);
  const q = (questions && typeof questions === 'object' ? questions : {}) as { include?: unknown; exclude?: unknown };
  const include = asList(q.include);
  const exclude = new Set(asList(q.exclude) ?? []);
  const ids: string[] = [];
  for (const group of guide.question_groups) {
    for (const question of group.questions) {
      if (exclude.has(question.id) || exclude.has(group.id)) continue;
      if (include ? include.includes(group.id) || include.includes(question.id) : question.starter) ids.push(question.id);
    }
  }
  return ids;
}

/** A draft of parsed interview.yaml data (what the form shows of it). */
export function dataToDraft(data: unknown, guide: Guide): Record<string, DraftValue> {
  const draft: Record<string, DraftValue> = {};
  const root = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  for (const field of ALL_FIELDS) {
    const [section, key] = field.path.split('.') as [string, string];
    const value = (root[section] as Record<string, unknown> | undefined)?.[key];
    if (value === undefined || value === null) continue;
    if (field.kind === 'yes-no') draft[field.path] = value === true;
    else if (Array.isArray(value)) draft[field.path] = value.map(String).join('\n');
    else draft[field.path] = String(value);
  }
  draft[INCLUDE] = chosenQuestionIds(root.questions, guide);
  return draft;
}

/**
 * The values a link's fragment gives (`#student.name=Maya%20Patel&meeting.date=2026-12-03`),
 * for the form's fields only; `questions.include` is a comma-separated list of question ids.
 */
export function draftFromFragment(fragment: string): Record<string, DraftValue> {
  const draft: Record<string, DraftValue> = {};
  for (const [key, value] of new URLSearchParams(fragment.replace(/^#/, ''))) {
    if (key === INCLUDE) draft[key] = value.split(',').map((id) => id.trim()).filter(Boolean);
    else if (fieldByPath.get(key)?.kind === 'yes-no') draft[key] = value === 'true' || value === 'yes';
    else if (fieldByPath.has(key)) draft[key] = value;
  }
  return draft;
}

/**
 * The research checklist: for every field of the interview the student left
 * empty, the guide's research task for it, with the names filled in.
 */
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import { escapeMarkdown, trusted, type Markdown } from '../render/escape-markdown.js';

/** Research tasks for the empty fields under `prefix` ("mentor", "organization", "student"). */
export function researchTasks(interview: Interview, guide: Guide, prefix: string): Markdown[] {
  const names: Record<string, string> = {
    mentor: escapeMarkdown(interview.mentor.name),
    organization: escapeMarkdown(interview.organization.name),
    student: escapeMarkdown(interview.student.name),
  };
  const tasks: Markdown[] = [];
  for (const [path, prompt] of Object.entries(guide.preparation.research_prompts)) {
    if (!path.startsWith(`${prefix}.`)) continue;
    if (!isEmpty(valueAt(interview, path))) continue;
    tasks.push(trusted(prompt.replace(/\{(mentor|organization|student)\}/g, (_, key: string) => names[key]!)));
  }
  return tasks;
}

function valueAt(data: unknown, path: string): unknown {
  let current = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

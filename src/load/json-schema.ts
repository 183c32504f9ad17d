/**
 * The JSON Schema of `interview.yaml`, for editors: with the line
 * `# yaml-language-server: $schema=./interview.schema.json` at the top of the
 * file, VS Code (YAML extension) and other editors complete field names and
 * flag mistakes while typing.
 *
 * @example
 * JSON.stringify(interviewJsonSchema(), null, 2); // what `interview-kit schema` prints
 */
import { z } from 'zod';
import { kindOf } from './field-kind.js';
import { interviewSchema } from './schema.js';
import { FIELD_DOCS } from './field-docs.js';
import type { Guide } from './content-schema.js';

/** Where the schema says it lives; a name, not a download address. */
export const INTERVIEW_SCHEMA_ID = 'urn:interview-kit:interview.schema.json';

type JsonNode = Record<string, unknown>;

/** Gives every property under `node` its description and examples (FIELD_DOCS), and the id lists their enum. */
function document(node: JsonNode, path: string, ids: readonly string[]): void {
  const properties = node.properties as Record<string, JsonNode> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    const field = path ? `${path}.${key}` : key;
    const doc = FIELD_DOCS[field];
    if (doc) {
      child.description = doc.description;
      child.examples = [...doc.examples];
    }
    if (ids.length > 0 && (field === 'questions.include' || field === 'questions.exclude')) restrictStrings(child, ids);
    document(child, field, ids);
  }
}

/** Every string schema within `node` takes one of `values`. */
function restrictStrings(node: JsonNode, values: readonly string[]): void {
  if (node.type === 'string') node.enum = [...values];
  for (const value of Object.values(node)) {
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) if (child && typeof child === 'object' && !Array.isArray(child)) restrictStrings(child as JsonNode, values);
  }
}

/**
 * The JSON Schema (draft-07) of what a user may write in interview.yaml:
 * every field with a description and examples, and, given the guide, its
 * group and question ids as the values questions.include and exclude take.
 */
export function interviewJsonSchema(guide?: Guide): Record<string, unknown> {
  const schema = z.toJSONSchema(interviewSchema, {
    target: 'draft-7',
    io: 'input',
    override: (ctx) => {
      // A list field also accepts one line of text (the loader wraps it in a list).
      if (kindOf(ctx.zodSchema) === 'text-list') {
        const list = { ...ctx.jsonSchema } as Record<string, unknown>;
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { anyOf: [list.items, list] });
      }
    },
  }) as Record<string, unknown>;
  const ids = guide ? guide.question_groups.flatMap((g) => [g.id, ...g.questions.map((q) => q.id)]) : [];
  document(schema, '', ids);
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: INTERVIEW_SCHEMA_ID,
    title: 'interview-kit interview',
    description:
      'One informational interview: the student, the mentor, the organization, the meeting, the questions to ask and, afterwards, the notes. Only the three names are required.',
    ...rest,
  };
}

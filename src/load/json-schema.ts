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

/** Where the schema says it lives; a name, not a download address. */
export const INTERVIEW_SCHEMA_ID = 'urn:interview-kit:interview.schema.json';

/** The JSON Schema (draft-07) of what a user may write in interview.yaml. */
export function interviewJsonSchema(): Record<string, unknown> {
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

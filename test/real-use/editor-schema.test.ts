import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { interviewJsonSchema } from '../../src/load/json-schema.js';
import { bundledGuide } from '../helpers/kit.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const guide = bundledGuide();
const schema = interviewJsonSchema(guide);

/** Every property schema with its dotted path. */
function properties(node: Record<string, unknown>, path = ''): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    const field = path ? `${path}.${key}` : key;
    out.push([field, child], ...properties(child, field));
  }
  return out;
}

describe('the schema for editors', () => {
  it('gives every field a description and examples', () => {
    const missing = properties(schema).filter(([, s]) => typeof s.description !== 'string' || !Array.isArray(s.examples) || s.examples.length === 0);
    expect(missing.map(([f]) => f)).toEqual([]);
  });

  it('is a valid JSON Schema whose every field example validates, read by ajv with formats', () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const validate = ajv.compile(schema);
    for (const file of ['maya.yaml', 'maya-after.yaml', 'minimal.yaml', 'sofia.yaml']) {
      const ok = validate(parse(readFileSync(`content/examples/${file}`, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
    for (const [field, s] of properties(schema)) {
      const check = ajv.compile(s);
      for (const example of s.examples as unknown[]) expect(check(example), `${field}: ${JSON.stringify(example)} ${JSON.stringify(check.errors)}`).toBe(true);
    }
  });

  it('lists the question and group ids as the values questions.include takes', () => {
    const ajv = addFormats(new Ajv({ strict: false }));
    const validate = ajv.compile(schema);
    const group = guide.question_groups[0]!;
    const base = { student: { name: 'A' }, mentor: { name: 'B' }, organization: { name: 'C' } };
    expect(validate({ ...base, questions: { include: [group.id, group.questions[0]!.id] } })).toBe(true);
    expect(validate({ ...base, questions: { include: ['no-such-question'] } })).toBe(false);
    expect(JSON.stringify(schema)).toContain(`"${group.id}"`);
  });
});

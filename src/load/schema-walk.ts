/**
 * Finds the part of a zod schema that describes the value at a data path,
 * looking through optional, default and preprocess wrappers. The loader uses
 * it to know which keys are allowed where, whether a field is optional, and
 * what kind of value it holds.
 *
 * @example
 * const s = fieldSchema(interviewSchema, ['meeting', 'date']);
 * isOptional(s); // true
 */
import { z } from 'zod';
import { kindOf, type FieldKind } from './field-kind.js';

type Schema = z.ZodType;

/** The schema inside optional/default/nullable wrappers and preprocess/transform pipes. */
export function unwrapSchema(schema: Schema): Schema {
  let s: Schema = schema;
  for (let i = 0; i < 20; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodPrefault || s instanceof z.ZodReadonly || s instanceof z.ZodCatch) {
      s = (s as unknown as { _zod: { def: { innerType: Schema } } })._zod.def.innerType;
    } else if (s instanceof z.ZodPipe) {
      const { in: input, out } = s._zod.def as unknown as { in: Schema; out: Schema };
      s = input instanceof z.ZodTransform ? out : out instanceof z.ZodTransform ? input : input;
    } else break;
  }
  return s;
}

/** True when the schema accepts the value being absent (optional, or has a default). */
export function isOptional(schema: Schema | undefined): boolean {
  let s = schema;
  for (let i = 0; s && i < 20; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) return true;
    if (s instanceof z.ZodNullable || s instanceof z.ZodReadonly || s instanceof z.ZodCatch) {
      s = (s as unknown as { _zod: { def: { innerType: Schema } } })._zod.def.innerType;
    } else return false;
  }
  return false;
}

/** The kind a field was marked with, looking through its wrappers. */
export function fieldKind(schema: Schema | undefined): FieldKind | undefined {
  let s = schema;
  for (let i = 0; s && i < 20; i++) {
    const kind = kindOf(s);
    if (kind) return kind;
    const inner = unwrapOnce(s);
    if (inner === s) return undefined;
    s = inner;
  }
  return undefined;
}

function unwrapOnce(s: Schema): Schema {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodPrefault || s instanceof z.ZodReadonly || s instanceof z.ZodCatch) {
    return (s as unknown as { _zod: { def: { innerType: Schema } } })._zod.def.innerType;
  }
  if (s instanceof z.ZodPipe) {
    const { in: input, out } = s._zod.def as unknown as { in: Schema; out: Schema };
    return input instanceof z.ZodTransform ? out : input;
  }
  return s;
}

/** The schema of one child (`key` of an object, an item of an array, a record's value). */
export function childSchema(schema: Schema | undefined, key: PropertyKey): Schema | undefined {
  if (!schema) return undefined;
  const s = unwrapSchema(schema);
  if (s instanceof z.ZodObject) return (s.shape as Record<string, Schema>)[String(key)];
  if (s instanceof z.ZodArray) return s.element as Schema;
  if (s instanceof z.ZodRecord) return s._zod.def.valueType as unknown as Schema;
  if (s instanceof z.ZodUnion) {
    for (const option of s.options as readonly Schema[]) {
      const found = childSchema(option, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema of the value at `path`, or undefined when the schema has no such place. */
export function fieldSchema(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let s: Schema | undefined = schema;
  for (const step of path) s = childSchema(s, step);
  return s;
}

/** The keys an object schema allows, in declaration order (empty for non-objects). */
export function allowedKeys(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const s = unwrapSchema(schema);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** How a leaf value is written in a flat table cell (a roster column). */
export type CellKind = 'text' | 'number' | 'boolean' | 'list';

/** One leaf field of an object schema. */
export interface SchemaField {
  /** Dotted path, e.g. "meeting.date". */
  readonly field: string;
  readonly path: readonly string[];
  readonly kind: CellKind;
}

/** Every leaf field of an object schema, in declaration order (roster columns such as `meeting.minutes`). */
export function listSchemaFields(schema: Schema): SchemaField[] {
  const fields: SchemaField[] = [];
  const walk = (node: Schema, path: string[]) => {
    const inner = unwrapSchema(node);
    if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape as Record<string, Schema>)) walk(child, [...path, key]);
      return;
    }
    const kind: CellKind =
      inner instanceof z.ZodNumber ? 'number' : inner instanceof z.ZodBoolean ? 'boolean' : inner instanceof z.ZodArray ? 'list' : 'text';
    fields.push({ field: path.join('.'), path, kind });
  };
  walk(schema, []);
  return fields;
}

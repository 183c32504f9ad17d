/**
 * Reads the shape of a zod object schema: which keys a mapping allows (for
 * did-you-mean) and which leaf fields exist with their kind (for roster
 * columns such as `meeting.minutes`, a number, or `student.goals`, a list).
 *
 * @example
 * listSchemaFields(interviewSchema).find((f) => f.field === 'meeting.minutes'); // { field, path, kind: 'number' }
 */
import type { z } from 'zod';

/** How a leaf value is written in a flat table cell. */
export type FieldKind = 'text' | 'number' | 'boolean' | 'list';

/** One leaf field of a schema. */
export interface SchemaField {
  /** Dotted path, e.g. "meeting.date". */
  readonly field: string;
  readonly path: readonly string[];
  readonly kind: FieldKind;
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly options?: readonly z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional/default/nullable/preprocess wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in && def.out) {
      current = defOf(def.in).type === 'transform' ? def.out : def.in;
    } else {
      return current;
    }
  }
}

/** The object schema found at `path`, or undefined. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, z.ZodType> | undefined {
  let current = unwrap(schema);
  for (const step of path) {
    const shape = objectShape(current);
    if (!shape || !Object.prototype.hasOwnProperty.call(shape, String(step))) return undefined;
    current = unwrap(shape[String(step)]!);
  }
  return objectShape(current);
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const shape = objectShape(unwrap(option));
      if (shape) return shape;
    }
  }
  return undefined;
}

/** The keys allowed in the mapping at `path` of `schema` (empty when there is no mapping there). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return Object.keys(objectAt(schema, path) ?? {});
}

/** Every leaf field of an object schema, in declaration order. */
export function listSchemaFields(schema: z.ZodType): SchemaField[] {
  const fields: SchemaField[] = [];
  const walk = (node: z.ZodType, path: string[]) => {
    const inner = unwrap(node);
    const shape = defOf(inner).type === 'object' ? defOf(inner).shape : undefined;
    if (shape) {
      for (const [key, child] of Object.entries(shape)) walk(child, [...path, key]);
      return;
    }
    fields.push({ field: path.join('.'), path, kind: kindOf(inner) });
  };
  walk(schema, []);
  return fields;
}

function kindOf(schema: z.ZodType): FieldKind {
  switch (defOf(schema).type) {
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'list';
    default:
      return 'text';
  }
}

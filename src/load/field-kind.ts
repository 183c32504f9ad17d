/**
 * What kind of value a schema field holds, so that the loader can coerce
 * (a phone number written as a YAML number is still text) and explain
 * (a bad date gets the date format as a hint) without guessing from names.
 *
 * @example
 * const phone = withKind(z.string(), 'text');
 * kindOf(phone); // 'text'
 */

/** The kinds of field the loader knows how to coerce and explain. */
export type FieldKind = 'text' | 'text-list' | 'date' | 'time' | 'timezone' | 'email' | 'url' | 'minutes';

const kinds = new WeakMap<object, FieldKind>();

/** Marks `schema` as holding a value of `kind` and returns it unchanged. */
export function withKind<T extends object>(schema: T, kind: FieldKind): T {
  kinds.set(schema, kind);
  return schema;
}

/** The kind `schema` was marked with, if any. */
export function kindOf(schema: object | undefined): FieldKind | undefined {
  return schema ? kinds.get(schema) : undefined;
}

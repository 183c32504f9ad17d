/**
 * Adjusts plain YAML data to what the schema expects, where the intent is
 * clear: a number or true/false written where free text belongs becomes the
 * text as written (`phone: 5551234` → "5551234", `zip: 01234` keeps its
 * zero), and an optional field left blank (`email:`) counts as absent.
 * Structured fields (dates, times, minutes, addresses) are never coerced.
 *
 * @example
 * prepareData({ student: { name: 'Maya', phone: 5551234 } }, interviewSchema, originOf(source));
 * // { student: { name: 'Maya', phone: '5551234' } }
 */
import type { z } from 'zod';
import { childSchema, fieldKind, isOptional, unwrapSchema } from './schema-walk.js';
import type { Origin } from './yaml-source.js';

/** Returns `data` with free-text values coerced and blank optional fields removed (in place). */
export function prepareData(data: unknown, schema: z.ZodType, origin: Origin): unknown {
  const visit = (value: unknown, s: z.ZodType | undefined, path: PropertyKey[]): unknown => {
    if (!s) return value;
    const kind = fieldKind(s);
    if ((kind === 'text' || kind === 'text-list') && (typeof value === 'number' || typeof value === 'boolean')) {
      return origin.written?.(path) ?? String(value);
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = childSchema(s, key);
        if (!child) continue;
        const v = record[key];
        if (isOptional(child) && (v === null || (typeof v === 'string' && v.trim() === ''))) {
          delete record[key];
          continue;
        }
        record[key] = visit(v, child, [...path, key]);
      }
      return record;
    }
    if (Array.isArray(value)) {
      const element = childSchema(unwrapSchema(s), 0);
      return value.map((item, i) => visit(item, element, [...path, i]));
    }
    return value;
  };
  return visit(data, schema, []);
}

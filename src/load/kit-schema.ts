/**
 * The contract of `kit.yaml`: a career office's branding and print settings.
 *
 * Lengths (margins) are inches when written as a bare number (`0.75`), or a
 * string with a unit: `0.75in`, `54pt`, `19mm`, `1.9cm`. One value sets all
 * four sides; a mapping `{ top, right, bottom, left }` sets each (absent sides
 * take the 0.75 inch default). Everything is optional: an empty `kit.yaml`
 * gives the default look.
 *
 * @example
 * kitConfigSchema.parse({ office: { name: 'Career Center' }, accent: '#7a1f3d', page_size: 'a4' });
 */
import { z } from 'zod';
import { FONT_FAMILIES } from '../theme.js';

/** The order of day and month in a roster date written with slashes (kit.yaml `date_order`). */
export type DateOrder = 'month-first' | 'day-first';

export const DATE_ORDERS: readonly DateOrder[] = ['month-first', 'day-first'];
import { minutesSchema, timeZoneSchema } from './schema.js';

/** Points per unit for the lengths kit.yaml accepts. */
export const POINTS_PER_UNIT = { in: 72, pt: 1, mm: 72 / 25.4, cm: 72 / 2.54 } as const;

/** The largest margin accepted on any side, in points (3 inches). */
export const MAX_MARGIN_POINTS = 216;

/** Parses `0.75` (inches), `"0.75in"`, `"54pt"`, `"19mm"` or `"1.9cm"` to points; undefined when it is none of these. */
export function parseLength(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * POINTS_PER_UNIT.in : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(in|pt|mm|cm)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2]?.toLowerCase() ?? 'in') as keyof typeof POINTS_PER_UNIT;
  return Number(m[1]) * POINTS_PER_UNIT[unit];
}

const length = () =>
  z
    .union([z.number(), z.string()], { message: 'must be a length such as 0.75 (inches), "0.75in", "54pt" or "19mm"' })
    .transform((v, ctx) => {
      const points = parseLength(v);
      if (points === undefined) {
        ctx.addIssue({ code: 'custom', message: `is not a length (${JSON.stringify(v)})` });
        return z.NEVER;
      }
      if (points > MAX_MARGIN_POINTS) {
        ctx.addIssue({ code: 'custom', message: `is too large (${JSON.stringify(v)}); the most is 3 inches` });
        return z.NEVER;
      }
      return Math.round(points * 100) / 100;
    });

const text = (max = 300) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Output formats a batch can produce per student. */
export const BATCH_FORMATS = ['pdf', 'docx'] as const;

/** `office:` — who prints the kit: name, contact lines, logo. */
export const officeSchema = z.strictObject({
  name: text(),
  /** Lines under the office name: address, phone, email, web. A single string is one line. */
  contact: z
    .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text()).max(8, 'must have at most 8 lines'))
    .optional(),
  /** A PNG or JPEG file, relative to kit.yaml. */
  logo: text(1000).optional(),
});

/** `margins:` — one length for all sides, or a mapping per side. */
export const marginsSchema = z.union(
  [
    length(),
    z.strictObject({
      top: length().optional(),
      right: length().optional(),
      bottom: length().optional(),
      left: length().optional(),
    }),
  ],
  { message: 'must be one length (e.g. 0.75) or a mapping with top, right, bottom, left' },
);

/** The whole of kit.yaml. */
export const kitConfigSchema = z.strictObject({
  office: officeSchema.optional(),
  /** Accent colour for headings and rules, as #rrggbb. */
  accent: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'is not a colour; write it as #rrggbb, e.g. "#1f4e79"' })
    .transform((v) => v.toLowerCase())
    .optional(),
  page_size: z.enum(['letter', 'a4']).optional(),
  margins: marginsSchema.optional(),
  font: z.enum(FONT_FAMILIES).optional(),
  /** Defaults for every interview that does not set them (the same fields as interview.yaml's meeting). */
  meeting: z
    .strictObject({
      minutes: minutesSchema.optional(),
      timezone: timeZoneSchema.optional(),
    })
    .optional(),
  /** How rosters write dates such as 12/3/2026: month first (United States) or day first (most of the world). */
  date_order: z.enum(DATE_ORDERS).optional(),
  /** Defaults for `interview-kit batch`; command-line options win. */
  batch: z
    .strictObject({
      jobs: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(256).optional(),
      simplex: z.boolean({ message: 'must be true or false' }).optional(),
      formats: z
        .preprocess(
          (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v),
          z.array(z.enum(BATCH_FORMATS)).min(1, 'must name at least one format'),
        )
        .optional(),
    })
    .optional(),
});

/** A validated kit.yaml; lengths already in points. */
export type KitConfig = z.output<typeof kitConfigSchema>;
/** kit.yaml as a user may write it. */
export type KitConfigInput = z.input<typeof kitConfigSchema>;

/**
 * The preflight: layout checks its own pages for the defects a reader would
 * notice, and reports them beside the pages instead of printing them
 * silently. Each kind of finding has a stable code:
 *
 * - `markup-left`: `:::`, `{{`, `}}` or `[ ]` printed as text (a template or
 *   Markdown slip), unless the student's own values contain it;
 * - `missing-glyph`: a character drawn in a font that has no glyph for it;
 * - `stranded-heading`: a heading or an introduction last on a page, apart
 *   from what it introduces;
 * - `question-split`: a question on one page and its writing space on the next;
 * - `table-split`: a table broken with fewer than two rows on a side, or
 *   continued without its header row;
 * - `widow-orphan`: one line of a paragraph, or one item of a list or
 *   checklist, alone at the foot or head of a page;
 * - `short-page`: a page less than a third full followed by a break the
 *   author did not ask for;
 * - `furniture-cut`: a header or footer field shortened to fit.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { FINDING_CODES, type Box, type Finding, type FontKey, type PreflightOptions } from './layout-types.js';
import type { Metrics } from './measure.js';
import type { PageArea, Placement } from './paginate.js';
import type { Strip } from './flow.js';

export { FINDING_CODES, type Finding, type FindingCode, type PreflightOptions } from './layout-types.js';

/**
 * Every string inside a value (an interview, say), for `PreflightOptions.values`.
 *
 * @example
 * stringsOf({ student: { name: 'Maya', goals: ['a {{b}}'] } }); // → ['Maya', 'a {{b}}']
 */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

const MARKUP = [':::', '{{', '}}', '[ ]'] as const;
/** A page less full than this, before a break the author did not ask for, is a defect. */
const MIN_PAGE_FILL = 1 / 3;
const QUOTE_LENGTH = 48;

/** Checks the flow of strips over pages: keep rules, tables, page fill. */
export function checkPagination(placements: readonly Placement[][], forcedBreakAfter: readonly boolean[], area: PageArea): Finding[] {
  const findings: Finding[] = [];
  const last = placements.length - 1;
  placements.forEach((page, p) => {
    if (p === last || forcedBreakAfter[p]) return;
    const content = page.filter((placement) => placement.strip.height > 0);
    const end = content[content.length - 1];
    if (!end) return;
    if (end.strip.leadIn) {
      const what = end.strip.leadIn === 'heading' ? `the heading "${quote(end.strip)}"` : `the introduction "${quote(end.strip)}"`;
      findings.push({
        code: 'stranded-heading',
        page: p + 1,
        message: `page ${p + 1} ends with ${what}, apart from what it introduces on page ${p + 2}`,
        hint: 'a heading keeps with what follows it; shorten the text above or add a page break before the heading',
      });
    }
    const used = end.top + end.strip.height - area.top;
    if (used < (area.bottom - area.top) * MIN_PAGE_FILL) {
      findings.push({
        code: 'short-page',
        page: p + 1,
        message: `page ${p + 1} is only ${Math.round((used / (area.bottom - area.top)) * 100)}% full before a page break`,
        hint: 'something taller than the rest of the page is kept together after it; split it or shorten it',
      });
    }
  });

  const units = new Map<number, { pages: Set<number>; first: Strip }>();
  const sequences = new Map<number, Sequence>();
  placements.forEach((page, p) => {
    for (const { strip } of page) {
      if (strip.unit !== undefined) {
        const unit = units.get(strip.unit) ?? { pages: new Set<number>(), first: strip };
        unit.pages.add(p);
        units.set(strip.unit, unit);
      }
      if (strip.tableHeader !== undefined) sequenceOf(sequences, strip.tableHeader, 'row').headers.add(p);
      for (const mark of strip.seq ?? []) {
        const seq = sequenceOf(sequences, mark.id, mark.kind);
        let present = seq.pages.get(p);
        if (!present) seq.pages.set(p, (present = new Set()));
        present.add(mark.index);
        if (!seq.starts.has(p)) seq.starts.set(p, strip);
      }
    }
  });
  for (const { pages, first } of units.values()) {
    if (pages.size < 2) continue;
    const [from, to] = [Math.min(...pages) + 1, Math.max(...pages) + 1];
    findings.push({
      code: 'question-split',
      page: from,
      message: `"${quote(first)}" is on page ${from} and its writing space on page ${to}`,
      hint: 'a question keeps with its lines; give it fewer lines or shorten the text above',
    });
  }
  for (const seq of sequences.values()) {
    if (seq.pages.size < 2) continue;
    const pages = [...seq.pages.keys()].sort((a, b) => a - b);
    // An element on two pages is split inside, which its own lines answer for.
    const split = new Set(pages.flatMap((p) => [...seq.pages.get(p)!].filter((e) => pages.some((q) => q !== p && seq.pages.get(q)!.has(e)))));
    for (const p of pages) {
      const present = seq.pages.get(p)!;
      if (present.size !== 1 || split.has([...present][0]!)) continue;
      const start = seq.starts.get(p)!;
      const code = seq.kind === 'row' ? 'table-split' : 'widow-orphan';
      const what = seq.kind === 'row' ? 'one row of a table' : seq.kind === 'line' ? 'one line of a paragraph' : 'one item of a list';
      findings.push({
        code,
        page: p + 1,
        message: `page ${p + 1} holds ${what} alone ("${quote(start)}"), the rest is on page ${p === pages[0] ? p + 2 : p}`,
        hint: 'at least two lines, items or rows stay on each side of a page break',
      });
    }
    if (seq.kind === 'row' && seq.headers.size > 0) {
      for (const p of pages.slice(1)) {
        if (seq.headers.has(p)) continue;
        findings.push({
          code: 'table-split',
          page: p + 1,
          message: `a table continues on page ${p + 1} without its header row`,
          hint: 'a table repeats its header row on every page it runs onto',
        });
      }
    }
  }
  return findings.sort((a, b) => a.page - b.page);
}

/** What the preflight gathers about a sequence: per page, which of its elements are there. */
interface Sequence {
  readonly kind: string;
  readonly pages: Map<number, Set<number>>;
  readonly starts: Map<number, Strip>;
  readonly headers: Set<number>;
}

function sequenceOf(sequences: Map<number, Sequence>, id: number, kind: string): Sequence {
  let seq = sequences.get(id);
  if (!seq) {
    seq = { kind, pages: new Map(), starts: new Map(), headers: new Set() };
    sequences.set(id, seq);
  }
  return seq;
}

/** Checks the text drawn on each page: markup left over, characters without a glyph. */
export function checkText(pages: readonly { readonly boxes: readonly Box[] }[], metrics: Metrics, options: PreflightOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const allowed = MARKUP.filter((marker) => options.values?.some((value) => value.includes(marker)));
  pages.forEach((page, p) => {
    const markup: string[] = [];
    const missing = new Set<string>();
    for (const box of page.boxes) {
      if (box.kind !== 'text') continue;
      for (const marker of MARKUP) {
        if (!allowed.includes(marker) && box.text.includes(marker) && markup.length < 3) markup.push(box.text.trim());
      }
      if (!metrics.coversText(box.text, box.font)) collectMissing(box.text, box.font, metrics, missing);
    }
    if (markup.length > 0) {
      findings.push({
        code: 'markup-left',
        page: p + 1,
        message: `page ${p + 1} prints markup as text: ${markup.map((text) => `"${shorten(text)}"`).join(', ')}`,
        hint: 'a template directive or Markdown did not take effect; check its indentation in the template',
      });
    }
    if (missing.size > 0) {
      findings.push({
        code: 'missing-glyph',
        page: p + 1,
        message: `page ${p + 1} draws ${[...missing].join('')} in a font that has no glyph for ${missing.size === 1 ? 'it' : 'them'}`,
        hint: 'they print as empty boxes; use a font family that covers the script',
      });
    }
  });
  return findings;
}

function collectMissing(text: string, font: FontKey, metrics: Metrics, into: Set<string>): void {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp !== 32 && !metrics.hasGlyph(cp, font)) into.add(ch);
  }
}

/** True for a diagnostic made from a preflight finding. */
export function isFinding(diagnostic: Diagnostic): boolean {
  return (FINDING_CODES as readonly (string | undefined)[]).includes(diagnostic.code);
}

/** The preflight's findings as warnings, e.g. `page 2 ends with the heading "Know Your Mentor"… [stranded-heading]`. */
export function findingsToDiagnostics(findings: readonly Finding[], documentTitle: string): Diagnostic[] {
  return findings.map((finding) => ({
    severity: 'warning',
    message: `${documentTitle}: ${finding.message} [${finding.code}]`,
    hints: [finding.hint],
    code: finding.code,
  }));
}

/** The text of a strip, shortened for a message. */
function quote(strip: Strip): string {
  const text = strip.boxes
    .filter((box): box is Extract<Box, { kind: 'text' }> => box.kind === 'text')
    .sort((a, b) => a.x - b.x)
    .map((box) => box.text)
    .join(' ');
  return shorten(text);
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > QUOTE_LENGTH ? `${clean.slice(0, QUOTE_LENGTH - 1)}…` : clean;
}

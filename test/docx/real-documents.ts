/**
 * The documents a user receives, as trees built from real input files: the
 * examples' packet and question sheet, the thank-you letter and the handout,
 * through the same templates, views and parser the CLI uses. Interviews can
 * be varied (names in other scripts) before they are rendered.
 */
import { buildHandoutView, handoutMeta } from '../../src/kits/handout-view.js';
import { renderThankYou } from '../../src/kits/thank-you-kit.js';
import { interviewSchema, type Interview } from '../../src/load/schema.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { createRenderer, type Renderer } from '../../src/render/render.js';
import type { Root } from '../../src/tree/types.js';
import { bundledGuide, bundledTemplates, exampleInterview, renderKit } from '../helpers/kit.js';

let renderer: Renderer | undefined;
const templates = (): Renderer => (renderer ??= createRenderer(bundledTemplates()));

/** An example interview, optionally changed (e.g. another student's name) and validated again. */
export function interview(example: string, change?: (raw: Record<string, any>) => void): Interview {
  const raw = JSON.parse(JSON.stringify(exampleInterview(example))) as Record<string, any>;
  change?.(raw);
  return interviewSchema.parse(raw);
}

/** The packet and question sheet trees of an interview. */
export function kitTrees(of: Interview): { packet: Root; questions: Root } {
  const { documents } = renderKit(of, bundledGuide(), templates(), undefined, { timezone: 'UTC' });
  const tree = (name: string) => documents.find((doc) => doc.name === name)!.tree;
  return { packet: tree('packet'), questions: tree('questions') };
}

/** The thank-you letter's tree: the draft with its note ('letter'), or the letter as sent ('print'). */
export function letterTree(of: Interview, mode: 'letter' | 'print' = 'letter'): Root {
  return renderThankYou(of, templates(), { mode, timezone: 'UTC' }).tree;
}

/** The handout's tree. */
export function handoutTree(): Root {
  const guide = bundledGuide();
  return parseMarkdown(templates().render('handout', buildHandoutView(guide)), handoutMeta(guide));
}

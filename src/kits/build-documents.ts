/**
 * Which documents a kit is made of, and how each is made from an interview:
 * view → template → Markdown → tree.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import type { Renderer } from '../render/render.js';
import type { Root } from '../tree/types.js';
import { buildPacketView, kitMeta, type PacketViewOptions } from './packet-view.js';

/** The documents a student's kit can contain. */
export const KIT_DOCUMENTS = ['packet', 'questions'] as const;
export type KitDocument = (typeof KIT_DOCUMENTS)[number];

const TITLES: Record<KitDocument, string> = { packet: 'Prep packet', questions: 'Question sheet' };

/** A document rendered to Markdown and parsed to a tree. */
export interface RenderedDocument {
  readonly name: KitDocument;
  readonly markdown: string;
  readonly tree: Root;
}

/** Renders the packet and the question sheet of one interview. */
export function renderKitDocuments(
  interview: Interview,
  guide: Guide,
  renderer: Renderer,
  documents: readonly KitDocument[] = KIT_DOCUMENTS,
  options: PacketViewOptions = {},
): { documents: RenderedDocument[]; warnings: Diagnostic[] } {
  const { view, warnings } = buildPacketView(interview, guide, options);
  const rendered = documents.map((name) => {
    const markdown = renderer.render(name, view);
    return { name, markdown, tree: parseMarkdown(markdown, kitMeta(interview, TITLES[name])) };
  });
  return { documents: rendered, warnings };
}

/**
 * Which documents a kit is made of, and how each is made from an interview:
 * view → template → Markdown → tree.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import type { Renderer } from '../render/render.js';
import type { DocumentMeta } from '../tree/types.js';
import { buildPacketView, kitMeta, type PacketViewOptions } from './packet-view.js';

/** The documents a student's kit can contain. */
export const KIT_DOCUMENTS = ['packet', 'questions'] as const;
export type KitDocument = (typeof KIT_DOCUMENTS)[number];

const TITLES: Record<KitDocument, string> = { packet: 'Prep packet', questions: 'Question sheet' };

/** A document rendered to Markdown, not yet parsed. */
export interface RenderedMarkdown {
  readonly name: KitDocument;
  readonly markdown: string;
  readonly meta: DocumentMeta;
}

/** Renders the packet and the question sheet of one interview to Markdown. */
export function renderKitMarkdown(
  interview: Interview,
  guide: Guide,
  renderer: Renderer,
  documents: readonly KitDocument[] = KIT_DOCUMENTS,
  options: PacketViewOptions = {},
): { documents: RenderedMarkdown[]; warnings: Diagnostic[] } {
  const { view, warnings } = buildPacketView(interview, guide, options);
  const rendered = documents.map((name) => ({ name, markdown: renderer.render(name, view), meta: kitMeta(interview, TITLES[name]) }));
  return { documents: rendered, warnings };
}

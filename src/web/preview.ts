/**
 * The live preview: the packet laid out by the PDF writer's own layout
 * (src/write/pdf/layout.ts) and its boxes drawn to one canvas per page, in
 * the same faces, sizes, colours and positions the PDF paints them. Only
 * the last step differs — canvas calls instead of PDF operators — so the
 * preview needs neither pdf-lib nor a PDF renderer, and redraws in a few
 * milliseconds. Text in scripts the family lacks (Arabic, Chinese, …) is
 * measured as the family sees it and drawn with the browser's fallback
 * fonts: close, not exact; the downloaded PDF is exact.
 */
import type { Diagnostic } from '../diagnostics.js';
import { InputError, hasErrors } from '../diagnostics.js';
import { renderKitMarkdown } from '../kits/build-documents.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import type { Renderer } from '../render/render.js';
import type { Theme } from '../theme.js';
import { parseFontSet } from '../write/pdf/font-cache.js';
import type { Box, FontKey, LayoutResult } from '../write/pdf/layout-types.js';
import { layoutDocument } from '../write/pdf/layout.js';
import { createFontMetrics } from '../write/pdf/measure.js';
import type { FontSet } from '../write/pdf/pdf-options.js';
import { findingsToDiagnostics, stringsOf } from '../write/pdf/preflight.js';

export interface PreviewOptions {
  readonly guide: Guide;
  readonly renderer: Renderer;
  readonly theme: Theme;
  readonly fonts: FontSet;
  readonly timezone?: string;
}

/** The packet's pages as the PDF writer lays them out, and what the build would warn of. */
export function layoutPacket(interview: Interview, options: PreviewOptions): { layout: LayoutResult; diagnostics: Diagnostic[] } {
  const kit = renderKitMarkdown(interview, options.guide, options.renderer, ['packet'], { timezone: options.timezone });
  if (hasErrors(kit.warnings)) throw new InputError(kit.warnings);
  const packet = kit.documents[0]!;
  const tree = parseMarkdown(packet.markdown, packet.meta);
  const layout = layoutDocument(tree, options.theme, createFontMetrics(parseFontSet(options.fonts)), { values: stringsOf(interview) });
  return { layout, diagnostics: [...kit.warnings, ...findingsToDiagnostics(layout.findings, tree.meta.title)] };
}

const FACES: Record<FontKey, { weight: string; style: string }> = {
  regular: { weight: '400', style: 'normal' },
  bold: { weight: '700', style: 'normal' },
  italic: { weight: '400', style: 'italic' },
  boldItalic: { weight: '700', style: 'italic' },
};

const registered = new Map<FontSet, Promise<string>>();

/** The CSS family name of the set's faces, registered with the page from their bytes (once). */
function fontFamily(fonts: FontSet): Promise<string> {
  let family = registered.get(fonts);
  if (!family) {
    const name = `ik-preview-${registered.size}`;
    family = Promise.all(
      (Object.keys(FACES) as FontKey[]).map(async (key) => {
        const face = new FontFace(name, fonts[key] as Uint8Array<ArrayBuffer>, FACES[key]);
        document.fonts.add(await face.load());
      }),
    ).then(() => name);
    registered.set(fonts, family);
  }
  return family;
}

/** CSS pixels across a preview page. */
const PAGE_WIDTH = 360;

function drawBox(ctx: CanvasRenderingContext2D, box: Box, family: string, logo: ImageBitmap | undefined): void {
  switch (box.kind) {
    case 'text':
      ctx.font = `${FACES[box.font].style} ${FACES[box.font].weight} ${box.size}px "${family}"`;
      ctx.fillStyle = box.color;
      ctx.fillText(box.text, box.x, box.y);
      break;
    case 'line':
      ctx.strokeStyle = box.color;
      ctx.lineWidth = box.thickness;
      ctx.beginPath();
      ctx.moveTo(box.x1, box.y1);
      ctx.lineTo(box.x2, box.y2);
      ctx.stroke();
      break;
    case 'rect':
      ctx.fillStyle = box.fill;
      ctx.fillRect(box.x, box.y, box.width, box.height);
      break;
    case 'checkbox':
      ctx.strokeStyle = box.color;
      ctx.lineWidth = 0.8;
      ctx.strokeRect(box.x, box.y, box.size, box.size);
      if (box.checked) {
        const s = box.size;
        ctx.lineWidth = 1.3;
        ctx.beginPath();
        ctx.moveTo(box.x + 0.2 * s, box.y + 0.5 * s);
        ctx.lineTo(box.x + 0.42 * s, box.y + 0.75 * s);
        ctx.lineTo(box.x + 0.82 * s, box.y + 0.22 * s);
        ctx.stroke();
      }
      break;
    case 'image':
      if (logo) ctx.drawImage(logo, box.x, box.y, box.width, box.height);
      break;
    case 'link':
    case 'field':
      // Nothing drawn: links and fillable fields are areas over what is drawn.
      break;
  }
}

/** Draws every page of `layout` into `container`, each a canvas named "<name>, page n of N". */
export async function drawPreview(container: HTMLElement, layout: LayoutResult, fonts: FontSet, theme: Theme, name: string): Promise<void> {
  const family = await fontFamily(fonts);
  const logoBytes = theme.office?.logo?.bytes;
  const logo = logoBytes ? await createImageBitmap(new Blob([logoBytes as Uint8Array<ArrayBuffer>])).catch(() => undefined) : undefined;
  const ratio = window.devicePixelRatio || 1;
  const scale = (PAGE_WIDTH / layout.pageWidth) * ratio;
  const pages = layout.pages.map((page, i) => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(layout.pageWidth * scale);
    canvas.height = Math.round(layout.pageHeight * scale);
    canvas.style.width = `${PAGE_WIDTH}px`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${name}, page ${i + 1} of ${layout.pages.length}`);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    // The PDF sets glyphs at their advances, without kerning: so does the preview.
    ctx.fontKerning = 'none';
    for (const box of page.boxes) drawBox(ctx, box, family, logo);
    return canvas;
  });
  container.replaceChildren(...pages);
}

/**
 * The live preview: the packet laid out by the PDF writer's own layout
 * (src/write/pdf/layout.ts) and its boxes drawn to one canvas per page, in
 * the same faces, sizes, colours and positions the PDF paints them. Only
 * the last step differs — canvas calls instead of PDF operators — so the
 * preview needs neither pdf-lib nor a PDF renderer, and redraws in a few
 * milliseconds. Text in scripts the family lacks (Arabic, Chinese, …) is
 * laid out with the same fallback faces and drawn in them by the browser's
 * own shaping: close, not glyph for glyph; the downloaded PDF is exact.
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
import type { FontStack } from '../write/pdf/font-runs.js';
import { loadFontStack } from '../write/pdf/font-stack.js';
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
export async function layoutPacket(interview: Interview, options: PreviewOptions): Promise<{ layout: LayoutResult; stack: FontStack; diagnostics: Diagnostic[] }> {
  const kit = renderKitMarkdown(interview, options.guide, options.renderer, ['packet'], { timezone: options.timezone });
  if (hasErrors(kit.warnings)) throw new InputError(kit.warnings);
  const packet = kit.documents[0]!;
  const tree = parseMarkdown(packet.markdown, packet.meta);
  const main = parseFontSet(options.fonts);
  const stack = await loadFontStack(tree, main, options);
  const layout = layoutDocument(tree, options.theme, createFontMetrics(main, stack), { values: stringsOf(interview) });
  return { layout, stack, diagnostics: [...kit.warnings, ...findingsToDiagnostics(layout.findings, tree.meta.title)] };
}

const FACES: Record<FontKey, { weight: string; style: string }> = {
  regular: { weight: '400', style: 'normal' },
  bold: { weight: '700', style: 'normal' },
  italic: { weight: '400', style: 'italic' },
  boldItalic: { weight: '700', style: 'italic' },
};

const registered = new Map<Uint8Array, Promise<string>>();

/** Registers faces with the page under a new family name, from their bytes (once per face). */
function register(faces: readonly { bytes: Uint8Array; descriptors?: FontFaceDescriptors }[]): Promise<string> {
  let family = registered.get(faces[0]!.bytes);
  if (!family) {
    const name = `ik-preview-${registered.size}`;
    family = Promise.all(
      faces.map(async ({ bytes, descriptors }) => {
        document.fonts.add(await new FontFace(name, bytes as Uint8Array<ArrayBuffer>, descriptors).load());
      }),
    ).then(() => name);
    registered.set(faces[0]!.bytes, family);
  }
  return family;
}

/** The CSS font-family list of the stack: the family's four faces, then each fallback face. */
async function fontFamilies(fonts: FontSet, stack: FontStack): Promise<string> {
  const names = [await register((Object.keys(FACES) as FontKey[]).map((key) => ({ bytes: fonts[key], descriptors: FACES[key] })))];
  for (const font of stack.fallbacks.values()) names.push(await register([{ bytes: font.bytes }]));
  return names.map((n) => `"${n}"`).join(', ');
}

/** CSS pixels across a preview page. */
const PAGE_WIDTH = 360;

function drawBox(ctx: CanvasRenderingContext2D, box: Box, family: string, logo: ImageBitmap | undefined): void {
  switch (box.kind) {
    case 'text':
      ctx.font = `${FACES[box.font].style} ${FACES[box.font].weight} ${box.size}px ${family}`;
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
export async function drawPreview(container: HTMLElement, layout: LayoutResult, fonts: FontSet, stack: FontStack, theme: Theme, name: string): Promise<void> {
  const family = await fontFamilies(fonts, stack);
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

/**
 * Paint, the second step of the PDF writer: layout boxes → one content
 * stream per page, plus link annotations. Operators are written as text
 * directly (one font resource per face and page; font, size and colours are
 * set only when they change), which keeps files small and painting fast.
 *
 * A text box with characters of another script is drawn as runs of faces
 * (font-runs.ts), left to right as they appear. Each glyph's ToUnicode entry
 * gives the characters it stands for, so text extraction reads right-to-left
 * runs back in logical order as it does for any PDF; a shaped run whose
 * glyphs do not stand for its characters one to one (a letter drawn as a
 * shared base glyph plus a mark, a reordered or split Devanagari or Thai
 * cluster) is also wrapped in an /ActualText span holding its text as
 * written. Fallback faces
 * have one weight: in bold text they are emboldened with a thin outline of
 * the text's colour (text render mode 2).
 *
 * Every box is marked content: a tagged box (see layout-types.ts) gets an
 * MCID of its structure element, a run of another script a Span with its
 * language; everything else — rules, stripes, writing lines, page furniture —
 * is an artifact (tagging.ts builds the tree).
 */
import { PDFHexString, PDFName, PDFString, type PDFDocument, type PDFImage, type PDFPage, type PDFRef } from 'pdf-lib';
import { hexToRgb } from '../../theme.js';
import type { Box, CheckboxBox, FontKey, ImageBox, LayoutResult, LinkBox, TextBox } from './layout-types.js';
import type { FaceProgram } from './font-program.js';
import { encodeText } from './font-embed.js';
import { hex4, utf16Hex } from './font-program.js';
import { needsRuns, setText, type FaceRun, type FontStack } from './font-runs.js';
import { SHAPED, type FallbackId } from '../../fonts/fallback.js';
import { deflateText, type Deflate } from '../deflate.js';
import { beginArtifact, languageOfRun, type StructureTree } from './tagging.js';

/** An embedded face: its font dictionary and program. */
export interface PaintFace {
  readonly ref: PDFRef;
  readonly program: FaceProgram;
}

/** What painting draws with. */
export interface PaintResources {
  /** An embedded face for every face the layout uses. */
  readonly fonts: Partial<Record<FontKey, PaintFace>>;
  /** An embedded face for every fallback face the text uses. */
  readonly fallbacks?: Partial<Record<FallbackId, PaintFace>>;
  /** How text with characters of other scripts is set (absent: every box is drawn in its own face). */
  readonly stack?: FontStack;
  readonly logo?: PDFImage;
  /** When true, named check boxes get their tick from a form field instead. */
  readonly forms: boolean;
  /** Compresses the content streams. */
  readonly deflate: Deflate;
  /** The document's structure, which the painted content is marked into. */
  readonly structure: StructureTree;
}

const FONT_RESOURCE: Record<FontKey, string> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' };
const FALLBACK_RESOURCE: Record<FallbackId, string> = { arabic: 'F5', hebrew: 'F6', devanagari: 'F7', thai: 'F8', chinese: 'F9', korean: 'F10' };
/** Outline width of emboldened fallback text, in em. */
const SYNTHETIC_BOLD = 0.03;

/** Thrown when layout used a face that was not embedded (a bug, not a user error). */
export class MissingFontError extends Error {
  constructor(font: FontKey | FallbackId) {
    super(`the ${font} face was used in layout but not embedded; this is a bug in interview-kit, please report it`);
    this.name = 'MissingFontError';
  }
}

/** Adds one page per layout page to `doc` and paints its boxes. */
export function paintLayout(doc: PDFDocument, layout: LayoutResult, resources: PaintResources): PDFPage[] {
  return layout.pages.map((layoutPage, index) => {
    const page = doc.addPage([layout.pageWidth, layout.pageHeight]);
    const painter = new PagePainter(layout.pageHeight, index, resources);
    for (const box of layoutPage.boxes) painter.paint(box);
    painter.finish(page);
    return page;
  });
}

/** Paints the boxes of one page, tracking graphics and text state. */
class PagePainter {
  private readonly ops: string[] = [];
  private readonly links: (LinkBox & { tag: number })[] = [];
  private readonly usedFonts = new Set<FontKey>();
  private readonly usedFallbacks = new Set<FallbackId>();
  private usesLogo = false;
  private inText = false;
  /** The open marked-content sequence: whose it is (tag -1: a sequence of its own), and whether it opened in a text object. */
  private marked: { tag: number | undefined; furniture: 'header' | 'footer' | undefined; line: number; inText: boolean } | undefined;
  /** The font resource set in the text state. */
  private font: string | undefined;
  private renderMode = 0;
  private fontSize = 0;
  private fillColor: string | undefined;
  private strokeColor: string | undefined;
  private lineWidth = -1;

  constructor(
    private readonly pageHeight: number,
    private readonly pageIndex: number,
    private readonly resources: PaintResources,
  ) {}

  paint(box: Box): void {
    switch (box.kind) {
      case 'text':
        return this.text(box);
      case 'line':
        this.endTextObject();
        this.mark(undefined, box.furniture);
        this.setStroke(box.color, box.thickness);
        this.ops.push(`${n(box.x1)} ${this.flip(box.y1)} m ${n(box.x2)} ${this.flip(box.y2)} l S`);
        return;
      case 'rect':
        this.endTextObject();
        this.mark(undefined, box.furniture);
        this.setFill(box.fill);
        this.ops.push(`${n(box.x)} ${this.flip(box.y + box.height)} ${n(box.width)} ${n(box.height)} re f`);
        return;
      case 'checkbox':
        return this.checkbox(box);
      case 'link':
        // A link is read through its element; a copy in a repeated table header is not a link of its own.
        if (box.tag !== undefined) this.links.push({ ...box, tag: box.tag });
        return;
      case 'image':
        return this.image(box);
      case 'field':
        return; // form fields are added separately
    }
  }

  /**
   * Puts what is painted next in the marked content of `tag` (an artifact
   * when undefined). Boxes painted one after another with the same tag share
   * one sequence — text only on the same `line`, so that each line is read as
   * one piece of text; a sequence opened in a text object closes with it.
   */
  private mark(tag: number | undefined, furniture: 'header' | 'footer' | undefined, line = 0): void {
    const m = this.marked;
    if (m && m.tag === tag && m.furniture === furniture && m.line === line && m.inText === this.inText) return;
    this.closeMarked();
    this.ops.push(tag === undefined ? beginArtifact(furniture) : this.resources.structure.begin(this.pageIndex, tag));
    this.marked = { tag, furniture, line, inText: this.inText };
  }

  /** Opens a marked-content sequence of its own (`open` is its BDC operator). */
  private markOnce(open: string): void {
    this.closeMarked();
    this.ops.push(open);
    this.marked = { tag: -1, furniture: undefined, line: 0, inText: this.inText };
  }

  private closeMarked(): void {
    if (this.marked) {
      this.ops.push('EMC');
      this.marked = undefined;
    }
  }

  finish(page: PDFPage): void {
    this.endTextObject();
    this.closeMarked();
    const context = page.doc.context;
    for (const key of this.usedFonts) {
      page.node.setFontDictionary(PDFName.of(FONT_RESOURCE[key]), this.resources.fonts[key]!.ref);
    }
    for (const id of this.usedFallbacks) {
      page.node.setFontDictionary(PDFName.of(FALLBACK_RESOURCE[id]), this.resources.fallbacks![id]!.ref);
    }
    if (this.usesLogo && this.resources.logo) page.node.setXObject(PDFName.of('Im1'), this.resources.logo.ref);
    const stream = context.stream(deflateText(this.resources.deflate, this.ops.join('\n')), { Filter: 'FlateDecode' });
    page.node.addContentStream(context.register(stream));
    for (const link of this.links) this.addLink(page, link);
  }

  private text(box: TextBox): void {
    const stack = this.resources.stack;
    this.beginText();
    if (!stack || !needsRuns(box.text)) {
      this.mark(box.tag, box.furniture, box.y);
      this.setFont(FONT_RESOURCE[box.font], box.size);
      this.setFill(box.color);
      this.mainRun(box, box.x, box.text);
      return;
    }
    // A box set as runs of faces, left to right; in content, each run is marked
    // with its language, and read in logical order (right-to-left runs are drawn reversed).
    const tagged = box.tag !== undefined;
    if (!tagged) this.mark(undefined, box.furniture);
    this.setFill(box.color);
    const { runs } = setText(stack, box.text, box.font);
    const structure = this.resources.structure;
    const first = tagged ? structure.reserve(runs.length) : 0;
    let x = box.x;
    // The runs cut from one stretch of text share one Span, which reads that stretch whole.
    let span: { readonly item: number; readonly element: number } | undefined;
    for (const run of runs) {
      if (run.face === 'main') {
        if (tagged) this.markOnce(structure.begin(this.pageIndex, box.tag, first + run.order));
        this.setRenderMode(0);
        this.setFont(FONT_RESOURCE[box.font], box.size);
        this.mainRun(box, x, run.text);
      } else {
        if (tagged) {
          if (span?.item !== run.item.index) {
            const reordered = run.rightToLeft || SHAPED.has(run.face);
            const text = run.item.text;
            span = { item: run.item.index, element: structure.span(box.tag, languageOfRun(run.face, text), reordered ? text : undefined) };
          }
          this.markOnce(structure.begin(this.pageIndex, span.element, first + run.order));
        }
        this.fallbackRun(run, box, x);
      }
      x += run.width * box.size;
    }
    if (tagged) this.closeMarked();
    this.setRenderMode(0);
  }

  /** `text` in the box's own face from `x`, through the face's character map. */
  private mainRun(box: TextBox, x: number, text: string): void {
    const face = this.resources.fonts[box.font];
    if (!face) throw new MissingFontError(box.font);
    this.usedFonts.add(box.font);
    this.ops.push(`1 0 0 1 ${n(x)} ${this.flip(box.y)} Tm <${encodeText(face.program, text)}> Tj`);
  }

  /** Glyphs of a fallback face from `x`; a glyph moved by shaping (marks, kerning) gets its own position. */
  private fallbackRun(run: Extract<FaceRun, { glyphs: unknown }>, box: TextBox, x: number): void {
    const face = this.resources.fallbacks?.[run.face];
    if (!face) throw new MissingFontError(run.face);
    this.usedFallbacks.add(run.face);
    this.setFont(FALLBACK_RESOURCE[run.face], box.size);
    if (box.font === 'bold' || box.font === 'boldItalic') {
      this.setStroke(box.color, box.size * SYNTHETIC_BOLD);
      this.setRenderMode(2);
    } else {
      this.setRenderMode(0);
    }
    if (run.actualText) this.ops.push(`/Span <</ActualText <FEFF${utf16Hex(run.text)}>>> BDC`);
    const baseline = this.pageHeight - box.y;
    let pen = x;
    let start = x;
    let hex = '';
    const flush = (): void => {
      if (hex !== '') this.ops.push(`1 0 0 1 ${n(start)} ${n(baseline)} Tm <${hex}> Tj`);
      hex = '';
    };
    for (const g of run.glyphs) {
      const natural = (face.program.advances.get(g.glyphId) ?? 0) / 1000;
      if (g.dx === 0 && g.dy === 0 && Math.abs(natural - g.advance) < 0.0005) {
        if (hex === '') start = pen;
        hex += hex4(g.glyphId);
      } else {
        flush();
        this.ops.push(`1 0 0 1 ${n(pen + g.dx * box.size)} ${n(baseline + g.dy * box.size)} Tm <${hex4(g.glyphId)}> Tj`);
      }
      pen += g.advance * box.size;
    }
    flush();
    if (run.actualText) this.ops.push('EMC');
  }

  private beginText(): void {
    if (!this.inText) {
      if (this.marked) this.closeMarked(); // opened outside: must close outside
      this.ops.push('BT');
      this.inText = true;
    }
  }

  private setFont(resource: string, size: number): void {
    if (resource !== this.font || size !== this.fontSize) {
      this.ops.push(`/${resource} ${n(size)} Tf`);
      this.font = resource;
      this.fontSize = size;
    }
  }

  private setRenderMode(mode: number): void {
    if (mode !== this.renderMode) {
      this.ops.push(`${mode} Tr`);
      this.renderMode = mode;
    }
  }

  /** The drawn square is an artifact: its meaning is the form field over it, or the text beside it. */
  private checkbox(box: CheckboxBox): void {
    this.endTextObject();
    this.mark(undefined, undefined);
    const s = box.size;
    const x = box.x;
    const bottom = this.pageHeight - (box.y + s);
    this.setStroke(box.color, 0.8);
    this.ops.push(`${n(x)} ${n(bottom)} ${n(s)} ${n(s)} re S`);
    if (box.checked && !(this.resources.forms && box.name)) {
      // A drawn tick: two strokes with round ends.
      this.setStroke(box.color, 1.3);
      this.ops.push(
        `q 1 J 1 j ${n(x + 0.2 * s)} ${n(bottom + 0.5 * s)} m ${n(x + 0.42 * s)} ${n(bottom + 0.25 * s)} l ` +
          `${n(x + 0.82 * s)} ${n(bottom + 0.78 * s)} l S Q`,
      );
    }
  }

  private image(box: ImageBox): void {
    if (!this.resources.logo) return;
    this.endTextObject();
    this.usesLogo = true;
    this.mark(box.tag, box.furniture);
    this.ops.push(`q ${n(box.width)} 0 0 ${n(box.height)} ${n(box.x)} ${this.flip(box.y + box.height)} cm /Im1 Do Q`);
  }

  private addLink(page: PDFPage, link: LinkBox & { tag: number }): void {
    const context = page.doc.context;
    const bottom = this.pageHeight - (link.y + link.height);
    const ref = context.nextRef();
    const annotation = context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [n2(link.x), n2(bottom), n2(link.x + link.width), n2(bottom + link.height)],
      Border: [0, 0, 0],
      Contents: PDFHexString.fromText(link.url.replace(/^mailto:/, '')),
      StructParent: this.resources.structure.annotation(this.pageIndex, link.tag, ref),
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(toPdfUri(link.url)) },
    });
    context.assign(ref, annotation);
    page.node.addAnnot(ref);
  }

  private endTextObject(): void {
    if (this.inText) {
      if (this.marked?.inText) this.closeMarked();
      this.ops.push('ET');
      this.inText = false;
    }
  }

  private setFill(color: string): void {
    if (color === this.fillColor) return;
    this.ops.push(`${rgbOf(color)} rg`);
    this.fillColor = color;
  }

  private setStroke(color: string, width: number): void {
    if (color !== this.strokeColor) {
      this.ops.push(`${rgbOf(color)} RG`);
      this.strokeColor = color;
    }
    if (width !== this.lineWidth) {
      this.ops.push(`${n(width)} w`);
      this.lineWidth = width;
    }
  }

  private flip(y: number): string {
    return n(this.pageHeight - y);
  }
}

/** A number for a content stream: at most two decimals, no exponent, no "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

function n2(value: number): number {
  return Math.round(value * 100) / 100;
}

const rgbCache = new Map<string, string>();

/** "#1f4e79" → "0.122 0.306 0.475". */
function rgbOf(hex: string): string {
  let rgb = rgbCache.get(hex);
  if (rgb === undefined) {
    rgb = hexToRgb(hex)
      .map((c) => String(Math.round(c * 1000) / 1000))
      .join(' ');
    rgbCache.set(hex, rgb);
  }
  return rgb;
}

/**
 * A URL as a PDF literal string: ASCII only (IRIs percent-encoded), with the
 * characters that would need escaping in a literal — `( ) \` — percent-encoded.
 */
export function toPdfUri(url: string): string {
  let out = '';
  for (const ch of url) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && cp < 0x7f && ch !== '(' && ch !== ')' && ch !== '\\') out += ch;
    else if (ch === '(' || ch === ')') out += ch === '(' ? '%28' : '%29';
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '%EF%BF%BD'; // a lone surrogate
    else out += encodeURIComponent(ch);
  }
  return out;
}

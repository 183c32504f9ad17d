/**
 * The running header (the career office's logo, name and contact fields, when
 * the theme has an office) and footer (the document's footer text on the left, "Page X of
 * Y" on the right, as Word fields that Word fills in).
 */
import { Footer, Header, ImageRun, PageNumber, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { DocumentMeta } from '../../tree/types.js';
import type { Office } from '../../theme.js';
import { readImageSize } from './image-size.js';
import { cleanText, textRuns } from './inline.js';
import { STYLE } from './styles.js';

/** Height of the logo in the header, in pixels at 96 per inch (0.3 inch). */
const LOGO_HEIGHT = 29;
/** The logo is never wider than this (1.75 inch). */
const LOGO_MAX_WIDTH = 168;

/** The header with the office's logo and name on the left, its contact fields right-aligned at the text's right edge. */
export function createOfficeHeader(office: Office, language: string, contentWidth: number): Header {
  const children: ParagraphChild[] = [];
  if (office.logo) {
    const size = readImageSize(office.logo);
    let height = LOGO_HEIGHT;
    let width = Math.round((size.width / size.height) * height);
    if (width > LOGO_MAX_WIDTH) {
      width = LOGO_MAX_WIDTH;
      height = Math.max(1, Math.round((size.height / size.width) * width));
    }
    children.push(
      new ImageRun({
        type: office.logo.type === 'png' ? 'png' : 'jpg',
        data: office.logo.bytes,
        transformation: { width, height },
        altText: { name: 'Logo', description: `${cleanText(office.name)} logo`, title: cleanText(office.name) },
      }),
      new TextRun({ text: '   ' }),
    );
  }
  children.push(...textRuns(office.name, language, { bold: true }));
  const contact = office.contact.join('  \u00b7  ');
  if (contact !== '') children.push(new TextRun({ children: [new Tab()] }), ...textRuns(contact, language));
  return new Header({
    children: [new Paragraph({ style: STYLE.header, tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }], children })],
  });
}

/** The footer: footer text left, "Page X of Y" right-aligned at the text's right edge. */
export function createPageFooter(meta: DocumentMeta, contentWidth: number): Footer {
  const children: ParagraphChild[] = [];
  if (meta.footer) children.push(...textRuns(meta.footer, meta.language));
  children.push(
    new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
  );
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        children,
      }),
    ],
  });
}

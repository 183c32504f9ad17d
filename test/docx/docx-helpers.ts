/** Shared helpers for the DOCX writer tests: themes, and reading the parts of a package. */
import { fileURLToPath } from 'node:url';
import { decodeXML } from 'entities';
import { strFromU8, unzipSync } from 'fflate';
import { resolveTheme, type Theme } from '../../src/theme.js';

/** Directory of the DOCX fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/docx/', import.meta.url));

/** The default theme with the given overrides. */
export function theme(partial: Partial<Theme> = {}): Theme {
  return resolveTheme(partial);
}

/** The parts of a DOCX package, by name. */
export interface DocxParts {
  readonly names: readonly string[];
  /** A part's text; throws when the package does not have it. */
  readonly text: (name: string) => string;
  readonly bytes: (name: string) => Uint8Array;
}

/** Unzips a DOCX package. */
export function openDocx(bytes: Uint8Array): DocxParts {
  const entries = unzipSync(bytes);
  return {
    names: Object.keys(entries),
    text(name) {
      const entry = entries[name];
      if (!entry) throw new Error(`the package has no part ${name}; it has ${Object.keys(entries).join(', ')}`);
      return strFromU8(entry);
    },
    bytes(name) {
      const entry = entries[name];
      if (!entry) throw new Error(`the package has no part ${name}`);
      return entry;
    },
  };
}

/** One line per paragraph, table, row and cell, so that a golden diff reads well. */
export function prettyDocumentXml(xml: string): string {
  return `${xml.replace(/<(w:(?:body|p|tbl|tr|tc|sectPr))([ >])/g, '\n<$1$2').replace(/<\/w:body>/, '\n</w:body>')}\n`;
}

/** The `<w:style>` element with the given id from styles.xml. */
export function styleXml(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!match) throw new Error(`styles.xml has no style ${id}`);
  return match[0];
}

/** Every `<w:p>` of a part, in order. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
}

/** The text a paragraph shows (its `<w:t>` contents, unescaped). */
export function textOf(xml: string): string {
  return decodeXML([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(''));
}

/** The first `<w:p>` whose text contains the given text. */
export function paragraphWith(documentXml: string, text: string): string {
  const found = paragraphs(documentXml).find((p) => textOf(p).includes(text));
  if (!found) throw new Error(`no paragraph contains "${text}"`);
  return found;
}

/** Every `<w:tbl>` of the document, in order. */
export function tables(documentXml: string): string[] {
  return documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

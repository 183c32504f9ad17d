/** Shared helpers for the DOCX writer tests: the sample tree, themes, and reading parts of a package. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { resolveTheme, type Theme } from '../../src/theme.js';
import type { Root } from '../../src/tree/types.js';

/** Directory of the DOCX fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/docx/', import.meta.url));

/** The sample tree that uses every node type. */
export function loadSampleTree(): Root {
  return JSON.parse(readFileSync(`${FIXTURES}sample-tree.json`, 'utf8')) as Root;
}

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

/** The text of every `<w:p>` that contains the given text. */
export function paragraphWith(documentXml: string, text: string): string {
  const paragraphs = documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  const found = paragraphs.find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph contains "${text}"`);
  return found;
}

/**
 * The Word styles of every document: Normal, Heading 1–3, Hyperlink, List
 * Paragraph and a few named styles of our own (Callout, Checklist, Answer
 * Line, Table Text, Table Label, Table Heading, Header, Footer), so that a career office can restyle a
 * packet in Word by changing a style instead of every paragraph. Sizes,
 * colours and spacing follow the PDF (src/write/pdf/typography.ts); the
 * vertical space between blocks lives in the styles, never in empty paragraphs.
 */
import type { IStylesOptions } from 'docx';
import type { FontFamilyName, Theme } from '../../theme.js';
import { ANSWER_LINE_PITCH, CALLOUT_TEXT_INDENT, CALLOUT_INDENT, CHECKBOX_HANGING, PARAGRAPH_SPACE, tintColor, toDocxColor } from './units.js';

/** Ids of the styles this writer defines and refers to. */
export const STYLE = {
  heading: ['Heading1', 'Heading2', 'Heading3'],
  hyperlink: 'Hyperlink',
  listParagraph: 'ListParagraph',
  callout: 'Callout',
  checklist: 'Checklist',
  answerLine: 'AnswerLine',
  tableText: 'TableText',
  tableLabel: 'TableLabel',
  tableHeading: 'TableHeading',
  header: 'Header',
  footer: 'Footer',
} as const;

/** Body text size in half-points (11.5 pt), on a 16 pt line. */
export const BODY_SIZE = 23;
const BODY_LINE = 320;

/** Table text size in half-points (10 pt). */
export const TABLE_SIZE = 20;

/** Colour of body text. */
export const TEXT_COLOR = '1F2328';

/** Colour of rules between table rows. */
export const RULE_COLOR = 'D3D7DD';

/** Colour of the writing lines. */
/** Colour of the writing lines. */
export const ANSWER_RULE_COLOR = 'C4C9D1';

/** Fill of every other table row. */
export const ZEBRA_FILL = 'F4F5F7';

/** Font family names as Word knows them. Fonts are referenced by name, not embedded. */
const FONT_NAMES: Readonly<Record<FontFamilyName, string>> = {
  'noto-sans': 'Noto Sans',
  'noto-serif': 'Noto Serif',
};

/** The Word font name of a theme font family. */
export function fontName(family: FontFamilyName): string {
  return FONT_NAMES[family];
}

/** The theme's colours as the writer uses them. */
export interface ThemeColors {
  readonly accent: string;
  /** Fill of a table's header row. */
  readonly tableHeaderFill: string;
  /** What a callout looks like, shared by its style and by lists set inside one. */
  readonly callout: {
    readonly border: {
      readonly left: { style: 'single'; size: number; color: string; space: number };
      readonly top: { style: 'single'; size: number; color: string; space: number };
      readonly bottom: { style: 'single'; size: number; color: string; space: number };
    };
    readonly shading: { readonly type: 'clear'; fill: string; color: string };
  };
}

/** The colours of a theme. */
export function themeColors(theme: Theme): ThemeColors {
  const accent = toDocxColor(theme.accent);
  const calloutFill = tintColor(theme.accent, 0.93);
  // The top and bottom rules are drawn in the fill colour: they only pad the shaded box.
  const padding = { style: 'single', size: 4, color: calloutFill, space: 6 } as const;
  return {
    accent,
    tableHeaderFill: tintColor(theme.accent, 0.88),
    callout: {
      border: { left: { style: 'single', size: 24, color: accent, space: 10 }, top: padding, bottom: padding },
      shading: { type: 'clear', fill: calloutFill, color: 'auto' },
    },
  };
}

/** The styles of a document in this theme and language, ready for `new Document({ styles })`. */
export function documentStyles(theme: Theme, language: string): IStylesOptions {
  const font = fontName(theme.fontFamily);
  const { accent, callout } = themeColors(theme);
  const headingRun = { font, color: accent, bold: true } as const;
  return {
    default: {
      document: {
        run: { font, size: BODY_SIZE, color: TEXT_COLOR, language: { value: language } },
        paragraph: { spacing: { after: PARAGRAPH_SPACE, line: BODY_LINE, lineRule: 'atLeast' } },
      },
      heading1: {
        run: { ...headingRun, size: 36 },
        paragraph: {
          spacing: { before: 640, after: 240, line: 480, lineRule: 'atLeast' },
          // Outline levels put the headings in the navigation pane and in the tags of an exported PDF.
          outlineLevel: 0,
          keepNext: true,
          keepLines: true,
          border: { bottom: { style: 'single', size: 6, color: accent, space: 4 } },
        },
      },
      heading2: {
        run: { ...headingRun, size: 27 },
        paragraph: { spacing: { before: 400, after: 80, line: 400, lineRule: 'atLeast' }, outlineLevel: 1, keepNext: true, keepLines: true },
      },
      heading3: {
        run: { ...headingRun, color: TEXT_COLOR, size: 24 },
        paragraph: { spacing: { before: 240, after: 80 }, outlineLevel: 2, keepNext: true, keepLines: true },
      },
      hyperlink: { run: { color: accent, underline: { type: 'single' } } },
      listParagraph: { paragraph: { spacing: { after: 80 } } },
    },
    paragraphStyles: [
      {
        id: STYLE.callout,
        name: 'Callout',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: {
          indent: { left: CALLOUT_TEXT_INDENT, right: CALLOUT_INDENT },
          spacing: { before: 0, after: 0 },
          border: callout.border,
          shading: callout.shading,
        },
      },
      {
        id: STYLE.checklist,
        name: 'Checklist',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { indent: { left: CHECKBOX_HANGING, hanging: CHECKBOX_HANGING }, spacing: { after: 80 }, keepLines: true },
      },
      {
        id: STYLE.answerLine,
        name: 'Answer Line',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          // One line of writing space per line of the paragraph (see answer-lines.ts).
          spacing: { before: 80, after: PARAGRAPH_SPACE, line: ANSWER_LINE_PITCH, lineRule: 'exact' },
          keepLines: true,
        },
        // Each line is a tab underlined in light grey.
        run: { underline: { type: 'single', color: ANSWER_RULE_COLOR } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 0, after: 0, line: 280, lineRule: 'atLeast' } },
        run: { size: TABLE_SIZE },
      },
      {
        // The label column of a table: bold table text.
        id: STYLE.tableLabel,
        name: 'Table Label',
        basedOn: STYLE.tableText,
        run: { bold: true },
      },
      {
        // A table's header row: bold, in the accent colour.
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { bold: true, color: accent },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        paragraph: {
          spacing: { before: 0, after: 0 },
          border: { bottom: { style: 'single', size: 4, color: tintColor(theme.accent, 0.5), space: 4 } },
        },
        run: { size: 17, color: '4A535E' },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 0, after: 0 }, border: { top: { style: 'single', size: 4, color: RULE_COLOR, space: 4 } } },
        run: { size: 16, color: '6B7480' },
      },
    ],
  };
}

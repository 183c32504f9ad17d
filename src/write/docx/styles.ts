/**
 * The Word styles of every document: Normal, Heading 1–3, Hyperlink, List
 * Paragraph and a few named styles of our own (Callout, Checklist, Answer
 * Line, Table Text, Header, Footer), so that a career office can restyle a
 * packet in Word by changing a style instead of every paragraph.
 *
 * The style definitions depend only on the theme's accent colour and font
 * family; they are built once per such pair and reused.
 */
import type { IStylesOptions } from 'docx';
import type { FontFamilyName, Theme } from '../../theme.js';
import { ANSWER_LINE_PITCH, CALLOUT_INDENT, CHECKBOX_HANGING, tintColor, toDocxColor } from './units.js';

/** Ids of the styles this writer defines and refers to. */
export const STYLE = {
  heading: ['Heading1', 'Heading2', 'Heading3'],
  hyperlink: 'Hyperlink',
  callout: 'Callout',
  checklist: 'Checklist',
  answerLine: 'AnswerLine',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
} as const;

/** Body text size in half-points (10.5 pt). */
export const BODY_SIZE = 21;

/** Colour of body text: a soft black that prints crisply. */
export const TEXT_COLOR = '1F1F1F';

/** Colour of running headers and footers. */
export const MUTED_COLOR = '595959';

/** Colour of rules: answer lines, table borders. */
export const RULE_COLOR = 'BFBFBF';

/** Font family names as Word knows them. Fonts are referenced by name, not embedded. */
const FONT_NAMES: Readonly<Record<FontFamilyName, string>> = {
  'noto-sans': 'Noto Sans',
  'noto-serif': 'Noto Serif',
};

/** The Word font name of a theme font family. */
export function fontName(family: FontFamilyName): string {
  return FONT_NAMES[family];
}

/** What a callout looks like, shared by its style and by lists set inside one. */
export interface CalloutLook {
  readonly border: {
    readonly left: { style: 'single'; size: number; color: string; space: number };
    readonly top: { style: 'single'; size: number; color: string; space: number };
    readonly bottom: { style: 'single'; size: number; color: string; space: number };
  };
  readonly shading: { readonly type: 'clear'; fill: string; color: string };
}

/** The styles of one theme, ready to hand to `new Document({ styles })`. */
export interface ThemeStyles {
  readonly font: string;
  readonly accent: string;
  readonly callout: CalloutLook;
  /** The styles with the given document language as the default for every run. */
  readonly forLanguage: (language: string) => IStylesOptions;
}

const cache = new Map<string, ThemeStyles>();

/** The styles of a theme (built once per accent colour and font family). */
export function getThemeStyles(theme: Theme): ThemeStyles {
  const key = `${theme.accent}|${theme.fontFamily}`;
  let styles = cache.get(key);
  if (!styles) {
    styles = buildThemeStyles(theme);
    cache.set(key, styles);
  }
  return styles;
}

function buildThemeStyles(theme: Theme): ThemeStyles {
  const font = fontName(theme.fontFamily);
  const accent = toDocxColor(theme.accent);
  const calloutFill = tintColor(theme.accent, 0.9);
  // The top and bottom rules are drawn in the fill colour: they only pad the shaded box.
  const padding = { style: 'single', size: 4, color: calloutFill, space: 4 } as const;
  const callout: CalloutLook = {
    border: { left: { style: 'single', size: 24, color: accent, space: 8 }, top: padding, bottom: padding },
    shading: { type: 'clear', fill: calloutFill, color: 'auto' },
  };
  const rule = { style: 'single', size: 4, color: RULE_COLOR, space: 1 } as const;

  const headingRun = { font, color: accent, bold: true } as const;
  const base: Omit<IStylesOptions, 'default'> = {
    paragraphStyles: [
      {
        id: STYLE.callout,
        name: 'Callout',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: {
          indent: { left: CALLOUT_INDENT + 144, right: CALLOUT_INDENT },
          spacing: { before: 0, after: 80 },
          border: callout.border,
          shading: callout.shading,
        },
      },
      {
        id: STYLE.checklist,
        name: 'Checklist',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: {
          indent: { left: CHECKBOX_HANGING, hanging: CHECKBOX_HANGING },
          spacing: { after: 80 },
          keepLines: true,
        },
      },
      {
        id: STYLE.answerLine,
        name: 'Answer Line',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          // Contextual spacing drops the space between the lines themselves: it only follows the last one.
          spacing: { before: 0, after: 200, line: ANSWER_LINE_PITCH, lineRule: 'exact' },
          contextualSpacing: true,
          border: { bottom: rule, between: rule },
          keepLines: true,
        },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 0, after: 0 } },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        paragraph: {
          spacing: { before: 0, after: 0 },
          border: { bottom: { style: 'single', size: 4, color: tintColor(theme.accent, 0.5), space: 4 } },
        },
        run: { size: 17, color: MUTED_COLOR },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 0, after: 0 } },
        run: { size: 16, color: MUTED_COLOR },
      },
    ],
  };

  const headings = {
    heading1: {
      run: { ...headingRun, size: 36 },
      paragraph: {
        spacing: { before: 240, after: 120 },
        keepNext: true,
        keepLines: true,
        border: { bottom: { style: 'single', size: 6, color: accent, space: 4 } },
      },
    },
    heading2: {
      run: { ...headingRun, size: 28 },
      paragraph: { spacing: { before: 280, after: 100 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { ...headingRun, size: 23 },
      paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, keepLines: true },
    },
  } as const;

  return {
    font,
    accent,
    callout,
    forLanguage: (language) => ({
      ...base,
      default: {
        document: {
          run: { font, size: BODY_SIZE, color: TEXT_COLOR, language: { value: language } },
          paragraph: { spacing: { after: 120, line: 252, lineRule: 'auto' } },
        },
        ...headings,
        hyperlink: { run: { color: '0563C1', underline: { type: 'single' } } },
        listParagraph: { paragraph: { spacing: { after: 60 } } },
      },
    }),
  };
}

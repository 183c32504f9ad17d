/**
 * Text in scripts beyond Latin, Greek and Cyrillic, as Word needs to be told
 * of it: a run of Chinese, Japanese or Korean takes an East Asian font and
 * language; Arabic, Hebrew, Devanagari and Thai take a complex-script font and
 * language, and Arabic and Hebrew runs are marked right-to-left.
 *
 * Text is split at script changes. Spaces and punctuation inside a stretch of
 * one script stay in it; at a change of script they go with the Latin text
 * beside them (", M.A." after an Arabic name stays on its right, in the
 * document font).
 *
 * @example
 * splitScripts('Prep packet for أحمد علي, M.A.', 'en-US')
 * // → [{ text: 'Prep packet for ' }, { text: 'أحمد علي', script: ARABIC }, { text: ', M.A.' }]
 */

/** How Word is told about one script. */
export interface ScriptRun {
  /** Font of the script's slot: East Asian (`eastAsia`) or complex script (`cs`). */
  readonly font: { readonly eastAsia: string } | { readonly cs: string };
  /** The language attribute to set beside the document's own. */
  readonly language: { readonly eastAsia: string } | { readonly bidirectional: string };
  readonly rightToLeft: boolean;
}

/** A stretch of text and, when it needs one, its script. */
export interface ScriptSegment {
  readonly text: string;
  readonly script?: ScriptRun;
}

const complex = (font: string, language: string, rightToLeft = false): ScriptRun => ({
  font: { cs: font },
  language: { bidirectional: language },
  rightToLeft,
});
const eastAsian = (font: string, language: string): ScriptRun => ({ font: { eastAsia: font }, language: { eastAsia: language }, rightToLeft: false });

const ARABIC = complex('Noto Sans Arabic', 'ar-SA', true);
const HEBREW = complex('Noto Sans Hebrew', 'he-IL', true);
const DEVANAGARI = complex('Noto Sans Devanagari', 'hi-IN');
const THAI = complex('Noto Sans Thai', 'th-TH');
const CHINESE = eastAsian('Noto Sans SC', 'zh-CN');
const JAPANESE = eastAsian('Noto Sans JP', 'ja-JP');
const KOREAN = eastAsian('Noto Sans KR', 'ko-KR');

/** Any character of the scripts above; text without one is returned whole (the Latin-only path). */
const SPECIAL =
  /[\u0590-\u08FF\u0900-\u097F\u0E00-\u0E7F\u1100-\u11FF\u2E80-\u2FDF\u3040-\u30FF\u3130-\u318F\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA8E0-\uA8FF\uAC00-\uD7AF\uF900-\uFAFF\uFB1D-\uFDFF\uFE70-\uFEFF\u{20000}-\u{2FFFF}]/u;

type Kind = 'latin' | 'han' | 'kana' | 'hangul' | 'arabic' | 'hebrew' | 'devanagari' | 'thai';

/** The script of a character, or undefined for spaces, digits and punctuation (which take their neighbours'). */
function kindOf(cp: number): Kind | undefined {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'latin' : undefined;
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if (cp >= 0xfb1d && cp <= 0xfb4f) return 'hebrew';
  if ((cp >= 0x600 && cp <= 0x8ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) {
    // Arabic digits and punctuation are neutral, like their Latin counterparts.
    return (cp >= 0x660 && cp <= 0x66d) || cp === 0x60c || cp === 0x61b || cp === 0x61f ? undefined : 'arabic';
  }
  if ((cp >= 0x900 && cp <= 0x97f) || (cp >= 0xa8e0 && cp <= 0xa8ff)) return 'devanagari';
  if (cp >= 0xe00 && cp <= 0xe7f) return 'thai';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff)) return 'kana';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return 'hangul';
  if ((cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ffff)) {
    return 'han';
  }
  if (cp >= 0x2000 && cp <= 0x2bff) return undefined; // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303f) return 'han'; // CJK punctuation goes with CJK text
  return /\p{L}/u.test(String.fromCodePoint(cp)) ? 'latin' : undefined;
}

/** Han, Kana and Hangul are one stretch of East Asian text. */
const group = (kind: Kind): string => (kind === 'han' || kind === 'kana' || kind === 'hangul' ? 'cjk' : kind);

/** Splits text where its script changes; text in Latin, Greek or Cyrillic alone comes back as one segment. */
export function splitScripts(text: string, documentLanguage: string): ScriptSegment[] {
  if (!SPECIAL.test(text)) return [{ text }];
  const stretches: { group: string | undefined; kinds: Set<Kind>; text: string }[] = [];
  let current: (typeof stretches)[number] | undefined;
  let neutral = '';
  for (const char of text) {
    const kind = kindOf(char.codePointAt(0)!);
    if (kind === undefined) {
      neutral += char;
      continue;
    }
    const g = group(kind);
    if (current && current.group === g) {
      current.text += neutral + char;
    } else {
      // Spaces and punctuation between two scripts stay with Latin text on their left, else stand alone.
      if (current?.group === 'latin') current.text += neutral;
      else if (neutral) stretches.push({ group: undefined, kinds: new Set(), text: neutral });
      current = { group: g, kinds: new Set(), text: char };
      stretches.push(current);
    }
    current.kinds.add(kind);
    neutral = '';
  }
  if (neutral) {
    if (current?.group === 'latin') current.text += neutral;
    else stretches.push({ group: undefined, kinds: new Set(), text: neutral });
  }
  // Neighbouring stretches that need no script of their own are one segment.
  const out: ScriptSegment[] = [];
  for (const s of stretches) {
    const script = scriptOf(s.group, s.kinds, documentLanguage);
    const last = out[out.length - 1];
    if (!script && last && !last.script) out[out.length - 1] = { text: last.text + s.text };
    else out.push(script ? { text: s.text, script } : { text: s.text });
  }
  return out;
}

function scriptOf(g: string | undefined, kinds: ReadonlySet<Kind>, documentLanguage: string): ScriptRun | undefined {
  switch (g) {
    case 'arabic':
      return ARABIC;
    case 'hebrew':
      return HEBREW;
    case 'devanagari':
      return DEVANAGARI;
    case 'thai':
      return THAI;
    case 'cjk': {
      if (kinds.has('hangul')) return KOREAN;
      if (kinds.has('kana')) return JAPANESE;
      // Han alone reads as the document's language when it is Japanese or Korean, else as Chinese.
      const language = documentLanguage.toLowerCase();
      if (language.startsWith('ja')) return JAPANESE;
      if (language.startsWith('ko')) return KOREAN;
      return CHINESE;
    }
    default:
      return undefined;
  }
}

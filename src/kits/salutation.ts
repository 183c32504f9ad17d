/**
 * How a letter addresses the mentor: "Dr. Okafor", "Ms. Chen", "Jordan Lee".
 *
 * Order of preference:
 * 1. `mentor.salutation` as written (e.g. "José" for a first-name relationship);
 * 2. an honorific in the name ("Dr. Amara Okafor", "Prof. Lin") or a doctorate
 *    after it ("Amara Okafor, PhD"), in the title ("Professor of History") or in
 *    the academic program ("Ed.D. Adult Learning");
 * 3. Mr./Ms./Mx. from the first pronoun (he → Mr., she → Ms., they → Mx.);
 * 4. the full name, which is never wrong.
 *
 * The family name keeps its particles ("van der Berg", "de la Cruz", "bin Salleh").
 * Names written in Han, Kana or Hangul without spaces cannot be split safely, so they
 * are kept whole; with spaces, the family name comes first ("김 민준" → "김").
 *
 * @example
 * chooseSalutation({ name: 'Dr. José Núñez' }).salutation;            // "Dr. Núñez"
 * chooseSalutation({ name: 'Jordan Lee', pronouns: 'she/her' }).salutation; // "Ms. Lee"
 * chooseSalutation({ name: 'Jordan Lee' }).salutation;                // "Jordan Lee"
 */

/** What the salutation is built from: the fields of `mentor` it reads. */
export interface SalutationInput {
  readonly name: string;
  readonly salutation?: string;
  /** The family name, when the mentor's file says it ("Kim", "García López"). */
  readonly family_name?: string;
  readonly pronouns?: string;
  readonly title?: string;
  readonly program?: string;
}

/** Why this salutation was chosen; useful in messages and tests. */
export type SalutationBasis = 'configured' | 'honorific' | 'title' | 'pronouns' | 'full-name';

/** The chosen form of address. */
export interface Salutation {
  /** Goes after "Dear ": "Dr. Núñez". */
  readonly salutation: string;
  readonly basis: SalutationBasis;
  /** The name without honorifics and post-nominal letters: "José Núñez". */
  readonly plainName: string;
  /**
   * The part of the name that follows an honorific, when it could be found: the family
   * name with its particles ("Núñez", "van der Berg"), or the given name of a Malay
   * patronymic name ("Ahmad" in "Ahmad bin Salleh").
   */
  readonly familyName?: string;
  /**
   * Set when the family name had to be guessed from a name whose customs
   * differ ("Kim Min-jun" puts it first, "María José García López" has two):
   * the salutation then keeps the whole name, and this says why.
   */
  readonly unsure?: string;
}

/** Honorifics written before a name, keyed by their lowercase form without the dot. */
const PREFIX_HONORIFICS: Readonly<Record<string, string>> = {
  dr: 'Dr.',
  doctor: 'Dr.',
  prof: 'Prof.',
  professor: 'Professor',
  rev: 'Rev.',
  reverend: 'Rev.',
  hon: 'Hon.',
  judge: 'Judge',
  justice: 'Justice',
  rabbi: 'Rabbi',
  imam: 'Imam',
  fr: 'Fr.',
  father: 'Father',
  sr: 'Sr.',
  sister: 'Sister',
  capt: 'Capt.',
  captain: 'Captain',
  col: 'Col.',
  colonel: 'Colonel',
  gen: 'Gen.',
  general: 'General',
  lt: 'Lt.',
  maj: 'Maj.',
  major: 'Major',
  sgt: 'Sgt.',
  sir: 'Sir',
  dame: 'Dame',
  mr: 'Mr.',
  mrs: 'Mrs.',
  ms: 'Ms.',
  miss: 'Miss',
  mx: 'Mx.',
};

/** Honorifics used with the given name rather than the family name ("Sir Patrick"). */
const GIVEN_NAME_HONORIFICS = new Set(['Sir', 'Dame', 'Father', 'Sister', 'Fr.', 'Sr.']);

/** Doctorates written after a name, in lowercase without dots. */
const DOCTORATES = new Set(['phd', 'md', 'edd', 'dphil', 'psyd', 'dds', 'dmd', 'dvm', 'do', 'dnp', 'drph', 'jd', 'dba', 'dsc', 'scd', 'pharmd', 'od', 'dpt', 'thd', 'dmin', 'lld']);

/** Other letters and generational suffixes written after a name. */
const OTHER_SUFFIXES = new Set([
  'jr', 'sr', 'ii', 'iii', 'iv', 'v', 'esq', 'mba', 'ma', 'ms', 'msc', 'mpa', 'mph', 'msw', 'mfa', 'med', 'mpp', 'llm', 'ba', 'bs', 'bsc',
  'cpa', 'pe', 'rn', 'bsn', 'msn', 'np', 'pa', 'pmp', 'shrm-cp', 'shrm-scp', 'cfa', 'cfp', 'lcsw', 'faia', 'aia', 'frcs', 'frcp',
]);

/** Particles that belong to the family name when they stand before it. */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dela', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'lo', 'ter', 'ten',
  'zu', 'zum', 'zur', 'af', 'av', 'al', 'el', 'st.', 'saint', 'y',
]);

/**
 * Patronymic markers of Malay names ("Ahmad bin Salleh"): the name before the marker is
 * the one used with an honorific ("Mr. Ahmad"), not the father's name after it.
 */
const PATRONYMIC_MARKERS = new Set(['bin', 'binti', 'binte', 'bt', 'bte']);

/** Scripts that write the family name first and often without a space. */
const FAMILY_FIRST_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A title or program that implies the mentor is addressed as Dr. or Professor. */
const PROFESSOR_TITLE = /\bprofessor\b/i;
const DOCTOR_TITLE = /\b(physician|surgeon|psychiatrist|dentist|veterinarian|pediatrician|cardiologist|oncologist|radiologist|neurologist|anesthesiologist|dermatologist|chief medical officer)\b/i;
const DOCTORATE_PROGRAM = /(^|[\s(,;])(ph\.?\s?d|ed\.?\s?d|m\.?\s?d|d\.?\s?phil|psy\.?\s?d|d\.?\s?n\.?\s?p|dr\.?\s?p\.?\s?h|d\.?\s?b\.?\s?a|sc\.?\s?d|d\.?\s?sc|pharm\.?\s?d|doctor(ate)? of)\b/i;

const PRONOUN_HONORIFICS: Readonly<Record<string, string>> = { he: 'Mr.', she: 'Ms.', they: 'Mx.' };

/** The first name-word's key in PREFIX_HONORIFICS, if it is an honorific. */
function honorificKey(word: string): string | undefined {
  const key = word.toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(PREFIX_HONORIFICS, key) ? key : undefined;
}

/** Lowercase, dots removed: "Ph.D." → "phd". */
function suffixKey(word: string): string {
  return word.toLowerCase().replace(/[.,]/g, '');
}

interface ParsedName {
  readonly honorific?: string;
  readonly doctorate: boolean;
  readonly words: readonly string[];
}

/** Splits "Dr. Amara Okafor, PhD" into honorific, name words and post-nominal facts. */
function parseName(raw: string): ParsedName {
  // Nicknames in parentheses or quotes are not part of the formal name.
  let name = raw;
  // Innermost parentheses first, so "(a (b) c)" goes as a whole.
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(/\([^()]*\)/g, ' ');
  }
  name = name.replace(/["“”][^"“”]*["“”]/g, ' ').replace(/\s+/g, ' ').trim();
  let doctorate = false;

  // "Lee, Jordan" or "Jordan Lee, PhD, MBA": split off comma parts.
  const parts = name.split(',').map((p) => p.trim()).filter(Boolean);
  const kept: string[] = [];
  for (const part of parts) {
    const words = part.split(' ');
    if (kept.length > 0 && words.every((w) => DOCTORATES.has(suffixKey(w)) || OTHER_SUFFIXES.has(suffixKey(w)))) {
      if (words.some((w) => DOCTORATES.has(suffixKey(w)))) doctorate = true;
      continue;
    }
    kept.push(part);
  }
  // "Lee, Jordan" → "Jordan Lee".
  name = kept.length === 2 ? `${kept[1]} ${kept[0]}` : kept.join(' ');

  let words = name.split(' ').filter(Boolean);
  // Post-nominals without a comma: "Amara Okafor PhD".
  while (words.length > 1) {
    const key = suffixKey(words[words.length - 1]!);
    // A lone "V" or "Do" could be a name; accept only clear post-nominals here.
    if (DOCTORATES.has(key) && key !== 'do' && key !== 'od') doctorate = true;
    else if (!(OTHER_SUFFIXES.has(key) && key !== 'v' && key !== 'ma' && key !== 'pa')) break;
    words = words.slice(0, -1);
  }

  let honorific: string | undefined;
  while (words.length > 1) {
    const key = honorificKey(words[0]!);
    if (!key) break;
    honorific ??= PREFIX_HONORIFICS[key];
    words = words.slice(1);
  }
  return { honorific, doctorate, words };
}

/** The family name with its particles, or undefined when it cannot be told apart. */
function findFamilyName(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  const joined = words.join(' ');
  if (FAMILY_FIRST_SCRIPT.test(joined)) {
    // Chinese, Japanese and Korean names put the family name first.
    return words.length > 1 ? words[0] : undefined;
  }
  if (words.length === 1) return words[0];
  const marker = words.findIndex((w, i) => i > 0 && PATRONYMIC_MARKERS.has(w.toLowerCase()));
  if (marker > 0) return words.slice(0, marker).join(' ');
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start -= 1;
  return words.slice(start).join(' ');
}

/** "he/him" → "Mr.", "she/they" → "Ms.", "they/them" → "Mx.", anything else → undefined. */
function honorificFromPronouns(pronouns: string | undefined): string | undefined {
  if (!pronouns) return undefined;
  const first = pronouns.trim().toLowerCase().split(/[\s/,;]+/)[0] ?? '';
  return PRONOUN_HONORIFICS[first];
}

/** "Dear Dr. Núñez," written by hand → "Dr. Núñez". */
function cleanConfigured(value: string): string {
  return value.trim().replace(/^dear\s+/i, '').replace(/[,:;]\s*$/, '').trim();
}

/** Joins an honorific and a name, keeping the whole name when no family name was found. */
function address(honorific: string, words: readonly string[], family: string | undefined): string {
  if (GIVEN_NAME_HONORIFICS.has(honorific) && words.length > 1 && family !== undefined && !FAMILY_FIRST_SCRIPT.test(words.join(' '))) {
    return `${honorific} ${words[0]}`;
  }
  return `${honorific} ${family ?? words.join(' ')}`;
}

/**
 * Chooses how the letter greets the mentor ("Dear <salutation>,").
 *
 * @example
 * chooseSalutation({ name: 'Amara Okafor', title: 'Professor of Nursing' }).salutation; // "Professor Okafor"
 */
export function chooseSalutation(mentor: SalutationInput): Salutation {
  const parsed = parseName(mentor.name);
  const words = parsed.words.length > 0 ? parsed.words : [mentor.name.trim()];
  const plainName = words.join(' ');
  const given = mentor.family_name?.trim();
  const unsure = given ? undefined : doubtAboutFamilyName(words);
  // Unsure: no part of the name is taken as the family name, so the whole name is used.
  const familyName = given || (unsure ? plainName : findFamilyName(words));
  const chosen = choose(mentor, parsed, words, plainName, familyName);
  return unsure && chosen.basis !== 'configured' && chosen.basis !== 'full-name' ? { ...chosen, unsure } : chosen;
}

/** Family names written first in Chinese, Korean and Vietnamese names, as they are romanised. */
const FAMILY_FIRST_SURNAMES = new Set(
  'kim lee yi park pak choi choe jung jeong kang cho jo yoon yun jang chang lim im han oh seo shin kwon hwang ahn song hong wang zhang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly'.split(' '),
);

/** Why the family name cannot be told from the name's order alone, or undefined when it can. */
function doubtAboutFamilyName(words: readonly string[]): string | undefined {
  if (words.length < 2 || FAMILY_FIRST_SCRIPT.test(words.join(' '))) return undefined;
  const first = words[0]!.toLowerCase();
  const last = words[words.length - 1]!;
  // "Kim Min-jun", "Wang Fang", "Nguyen Van An": a common family name first may be the family name.
  if (FAMILY_FIRST_SURNAMES.has(first) && !FAMILY_FIRST_SURNAMES.has(last.toLowerCase())) {
    return `"${words.join(' ')}" may put the family name first (${words[0]})`;
  }
  const particles = words.some((w) => PARTICLES.has(w.toLowerCase()) || PATRONYMIC_MARKERS.has(w.toLowerCase()));
  if (!particles && words.length >= 4) return `"${words.join(' ')}" may have two given names and two family names`;
  if (!particles && words.length === 3 && /(?:ez|es|as|os|ía)$/i.test(words[1]!)) return `"${words.join(' ')}" may have two family names (${words.slice(1).join(' ')})`;
  return undefined;
}

function choose(mentor: SalutationInput, parsed: ParsedName, words: readonly string[], plainName: string, familyName: string | undefined): Salutation {

  if (mentor.salutation && cleanConfigured(mentor.salutation)) {
    return { salutation: cleanConfigured(mentor.salutation), basis: 'configured', plainName, familyName };
  }
  const isDoctor = parsed.doctorate || (parsed.honorific !== undefined && ['Dr.'].includes(parsed.honorific));
  if (parsed.honorific && !['Mr.', 'Mrs.', 'Ms.', 'Miss', 'Mx.'].includes(parsed.honorific)) {
    return { salutation: address(parsed.honorific, words, familyName), basis: 'honorific', plainName, familyName };
  }
  if (isDoctor) {
    return { salutation: address('Dr.', words, familyName), basis: 'honorific', plainName, familyName };
  }
  if (mentor.title && PROFESSOR_TITLE.test(mentor.title) && !/\bassistant to\b/i.test(mentor.title)) {
    return { salutation: address('Professor', words, familyName), basis: 'title', plainName, familyName };
  }
  if ((mentor.title && DOCTOR_TITLE.test(mentor.title)) || (mentor.program && DOCTORATE_PROGRAM.test(mentor.program))) {
    return { salutation: address('Dr.', words, familyName), basis: 'title', plainName, familyName };
  }
  if (parsed.honorific) {
    // Mr./Ms./Mrs./Mx. written in the name itself.
    return { salutation: address(parsed.honorific, words, familyName), basis: 'honorific', plainName, familyName };
  }
  const fromPronouns = honorificFromPronouns(mentor.pronouns);
  if (fromPronouns && familyName !== undefined && words.length > 1) {
    return { salutation: address(fromPronouns, words, familyName), basis: 'pronouns', plainName, familyName };
  }
  return { salutation: plainName, basis: 'full-name', plainName, familyName };
}

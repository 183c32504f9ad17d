/**
 * Latin spellings of Greek and Cyrillic letters, and of the Latin letters
 * that are not a base letter plus accents (ß, æ, ø, ł …). Small tables, one
 * consistent scheme (close to ISO 843 for Greek and to the passport scheme
 * for Russian and Ukrainian); other scripts are left as they are.
 *
 * @example
 * transliterate('σοφία'); // 'sofia'
 * transliterate('дмитрий'); // 'dmitrii'
 */

const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŋ: 'ng', ĸ: 'k', ŀ: 'l', ſ: 's',
};

const GREEK_PAIRS: Record<string, string> = { ου: 'ou', αυ: 'av', ευ: 'ev', ηυ: 'iv', γγ: 'ng', γκ: 'gk', μπ: 'mp', ντ: 'nt' };

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Ukrainian, Belarusian, Serbian, Macedonian
  і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

const LATIN_GREEK_CYRILLIC = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+$/u;

/**
 * Spells lower-case `text` in Latin letters where it is Latin with accents,
 * Greek or Cyrillic; every other character is kept.
 */
export function transliterate(text: string): string {
  let out = '';
  const chars = [...text.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const direct = LATIN[ch] ?? CYRILLIC[ch];
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    // Take the accents off (é → e, ά → α, й → и) when the base letter is Latin, Greek or Cyrillic.
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    // A lone accent after a Latin, Greek or Cyrillic letter (the dot of "i̇") goes too.
    if (base.length === 0 && i > 0 && LATIN_GREEK_CYRILLIC.test(chars[i - 1]!.normalize('NFKD').replace(/\p{M}/gu, ''))) continue;
    if (base.length === 0 || !LATIN_GREEK_CYRILLIC.test(base)) {
      out += ch;
      continue;
    }
    if (GREEK[base[0]!] !== undefined) {
      const nextBase = (chars[i + 1] ?? '').normalize('NFKD').replace(/\p{M}/gu, '');
      const pair = GREEK_PAIRS[base + nextBase];
      if (pair) {
        out += pair;
        i++;
        continue;
      }
    }
    out += [...base].map((c) => GREEK[c] ?? CYRILLIC[c] ?? LATIN[c] ?? c).join('');
  }
  return out;
}

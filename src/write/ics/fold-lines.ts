/**
 * RFC 5545 §3.1 line folding by octets: content lines longer than 75 octets
 * are split with CRLF + one space, never inside a UTF-8 sequence. (The `ics`
 * package folds by characters, so Greek or Cyrillic lines can run past 75
 * octets; this refolds its output.)
 */

/** UTF-8 length of a code point. */
function octetsOf(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** UTF-8 length of a string. */
function octetLength(text: string): number {
  let size = 0;
  for (const char of text) size += octetsOf(char.codePointAt(0)!);
  return size;
}

/** Unfolds every content line of `ics` and folds it again at 75 octets. */
export function refoldIcs(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

/** Splits one content line into pieces of at most 75 octets (74 after the leading space). */
function foldLine(line: string): string {
  if (octetLength(line) <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const octets = octetsOf(char.codePointAt(0)!);
    if (size + octets > limit) {
      pieces.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

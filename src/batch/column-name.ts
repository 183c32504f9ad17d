/**
 * Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
 *
 * @example
 * columnLetter(2); // 'C'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

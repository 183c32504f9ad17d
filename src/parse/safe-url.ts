/** Which link targets a document may carry: the schema checks input with it, the parser links with it. */

const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:'];

/** True for http, https and mailto URLs that parse. */
export function isSafeUrl(value: string): boolean {
  try {
    return ALLOWED_SCHEMES.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

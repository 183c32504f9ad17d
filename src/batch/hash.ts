/**
 * SHA-256 through Web Crypto (Node and browsers alike), and a canonical JSON
 * form so that equal data always hashes equally whatever its key order.
 *
 * @example
 * await sha256Hex(canonicalJson({ b: 1, a: [2] })); // hash of '{"a":[2],"b":1}'
 */
const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of bytes or UTF-8 text. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted at every level; Uint8Arrays are replaced by their length and a marker. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: value.length, $sample: Array.from(value.subarray(0, 64)) };
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

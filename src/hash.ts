/**
 * SHA-256, and a canonical JSON form so that equal data always hashes equally
 * whatever its key order. Synchronous (node:crypto): the print file hashes
 * many small objects per row, and Web Crypto's asynchronous digest cost more
 * in scheduling than in hashing.
 *
 * @example
 * sha256Hex(canonicalJson({ b: 1, a: [2] })); // hash of '{"a":[2],"b":1}'
 */
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

/** node:crypto, loaded on the first hash: most cold starts hash nothing, and loading it costs a few ms. */
function nodeCrypto(): typeof import('node:crypto') {
  return (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
}

/** SHA-256 of bytes or UTF-8 text. */
export function sha256(data: Uint8Array | string): Uint8Array {
  return nodeCrypto().createHash('sha256').update(data).digest();
}

/** Lowercase hex SHA-256 of bytes or UTF-8 text. */
export function sha256Hex(data: Uint8Array | string): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level; a Uint8Array stands as the SHA-256 of its bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $sha256: sha256Hex(value) };
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

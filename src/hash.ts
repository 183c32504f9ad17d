/**
 * SHA-256, and a canonical JSON form so that equal data always hashes equally
 * whatever its key order. Both pure JavaScript (`@noble/hashes`,
 * `safe-stable-stringify`), synchronous, and the same in a browser.
 *
 * @example
 * sha256Hex(canonicalJson({ b: 1, a: [2] })); // hash of '{"a":[2],"b":1}'
 */
import { sha256 as digest } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { configure } from 'safe-stable-stringify';

/** SHA-256 of bytes or UTF-8 text. */
export function sha256(data: Uint8Array | string): Uint8Array {
  return digest(typeof data === 'string' ? utf8ToBytes(data) : data);
}

/** Lowercase hex SHA-256 of bytes or UTF-8 text. */
export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(data));
}

const stringify = configure({ deterministic: true, circularValue: TypeError, bigint: false });

/** JSON with object keys sorted at every level; a Uint8Array stands as the SHA-256 of its bytes. */
export function canonicalJson(value: unknown): string {
  return stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $sha256: sha256Hex(v) } : v)) ?? 'null';
}

/**
 * Collects bytes and PDF syntax text, joined once; tracks the length so far.
 * Text is kept as a string until bytes follow it, so writing an object key by
 * key costs one conversion, not one array per key.
 *
 * @example
 * const out = new ByteBuilder(); out.text('%PDF-1.7\n'); out.length; // 9
 */
import { concatBytes } from '../bytes.js';

/** A growable byte buffer. */
export class ByteBuilder {
  private chunks: Uint8Array[] = [];
  private size = 0;
  /** Text not yet turned into bytes (one byte per character). */
  private pending = '';

  /** Bytes written so far. */
  get length(): number {
    return this.size + this.pending.length;
  }

  /** Appends raw bytes. */
  bytes(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.flush();
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Appends text as Latin-1/ASCII (PDF syntax only: every char code below 256). */
  text(value: string): void {
    this.pending += value;
  }

  /** All bytes as one array. */
  concat(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = concatBytes(this.chunks);
    this.chunks = [out];
    return out;
  }

  private flush(): void {
    const text = this.pending;
    if (text.length === 0) return;
    this.pending = '';
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
    this.chunks.push(out);
    this.size += out.length;
  }
}

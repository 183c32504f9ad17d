/**
 * Collects bytes in chunks and joins them once; tracks the length so far.
 *
 * @example
 * const out = new ByteBuilder(); out.text('%PDF-1.7\n'); out.length; // 9
 */
const encoder = new TextEncoder();

/** A growable byte buffer. */
export class ByteBuilder {
  private chunks: Uint8Array[] = [];
  private size = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.size;
  }

  /** Appends raw bytes. */
  bytes(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Appends text as Latin-1/ASCII (PDF syntax only: every char code below 256). */
  text(value: string): void {
    const out = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i) & 0xff;
    this.bytes(out);
  }

  /** Appends UTF-8 text. */
  utf8(value: string): void {
    this.bytes(encoder.encode(value));
  }

  /** All bytes as one array. */
  concat(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    this.chunks = [out];
    return out;
  }
}

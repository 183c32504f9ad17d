/**
 * Writes the combined print file as a stream: each document's fragment is
 * renumbered in place and handed to the sink at once, so memory stays flat
 * however long the roster is (only object offsets and page-tree kids are
 * kept until the end).
 *
 * Duplex (the default): a document with an odd page count is followed by a
 * blank page, so the next one starts on a front side. Simplex: no blanks.
 *
 * @example
 * const writer = new PrintFileWriter(sink, { duplex: true, title: 'Mentoring night' });
 * const placed = await writer.append(fragment); // { firstPage: 1, pages: 7, blankAfter: true }
 * await writer.finish();
 */
import { ByteBuilder } from './byte-builder.js';
import { NUMBER_FIELD_WIDTH, type PrintFragment } from './print-fragment.js';

/** Where the print file's bytes go, in order. */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
}

/** Options of {@link PrintFileWriter}. */
export interface PrintFileOptions {
  /** Insert a blank page after each document with an odd page count (default true). */
  readonly duplex?: boolean;
  /** Document title (PDF /Title). */
  readonly title?: string;
}

/** Where one document landed in the print file. */
export interface PrintPlacement {
  /** 1-based number of the document's first page in the print file. */
  readonly firstPage: number;
  /** 1-based number of its last page (not counting a blank after it). */
  readonly lastPage: number;
  readonly pages: number;
  /** True when a blank page follows it. */
  readonly blankAfter: boolean;
}

/** Shared objects remembered at most (least recently used forgotten first), so memory stays flat. */
const MAX_SHARED = 4096;

/** Cross-reference lines written at a time (20 bytes each). */
const XREF_LINES_PER_WRITE = 4096;

const CATALOG = 1;
const PAGES = 2;
const INFO = 3;
const FIRST_FREE = 4;

/** Streams documents into one print PDF. Call {@link append} in print order, then {@link finish}. */
export class PrintFileWriter {
  private readonly duplex: boolean;
  private readonly title: string;
  private offset = 0;
  private nextObject = FIRST_FREE;
  /** xref offsets; index = object number. Grows by chunks. */
  private offsets = new Float64Array(1024);
  private kids: number[] = [];
  /** Share key → object number of large reference-free objects already written. */
  private readonly shared = new Map<string, number>();
  private pageCount = 0;
  private started = false;
  private finished = false;

  constructor(
    private readonly sink: ByteSink,
    options: PrintFileOptions = {},
  ) {
    this.duplex = options.duplex ?? true;
    this.title = options.title ?? 'Print file';
  }

  /** Pages written so far, blanks included. */
  get pages(): number {
    return this.pageCount;
  }

  /** Appends one document; returns where its pages landed. */
  async append(fragment: PrintFragment): Promise<PrintPlacement> {
    if (this.finished) throw new Error('the print file is already finished');
    if (!this.started) await this.writeHeader();
    // Local object numbers → print-file numbers; shared objects already written are reused.
    const count = fragment.objectOffsets.length;
    const numbers = new Uint32Array(count + 1);
    const reused = new Uint8Array(count + 1);
    for (let n = 1; n <= count; n++) {
      const key = fragment.shareKeys[n - 1];
      const existing = key ? this.shared.get(key) : undefined;
      if (key && existing !== undefined) {
        numbers[n] = existing;
        reused[n] = 1;
        // Most recently used last, so the least used go first when the table is full.
        this.shared.delete(key);
        this.shared.set(key, existing);
      } else {
        numbers[n] = this.nextObject++;
        if (key) {
          this.shared.set(key, numbers[n]!);
          if (this.shared.size > MAX_SHARED) this.shared.delete(this.shared.keys().next().value!);
        }
      }
    }
    const bytes = new Uint8Array(fragment.bytes); // a copy: the fragment stays untouched
    for (const at of fragment.localFields) writeField(bytes, at, numbers[readField(bytes, at)]!);
    for (const at of fragment.rootFields) writeField(bytes, at, PAGES);
    // Write the objects, leaving out the reused ones, as few contiguous runs.
    for (let n = 1; n <= count; ) {
      if (reused[n]) {
        n++;
        continue;
      }
      let end = n;
      while (end + 1 <= count && !reused[end + 1]) end++;
      const from = fragment.objectOffsets[n - 1]!;
      const to = end < count ? fragment.objectOffsets[end]! : bytes.length;
      for (let k = n; k <= end; k++) this.setOffset(numbers[k]!, this.offset + fragment.objectOffsets[k - 1]! - from);
      await this.emit(bytes.subarray(from, to));
      n = end + 1;
    }
    this.kids.push(numbers[fragment.pagesRoot]!);
    const firstPage = this.pageCount + 1;
    this.pageCount += fragment.pages;
    const blankAfter = this.duplex && fragment.pages % 2 === 1;
    if (blankAfter) {
      const n = this.nextObject++;
      this.setOffset(n, this.offset);
      const { width, height } = fragment.lastPageSize;
      await this.emitText(
        `${n} 0 obj\n<</Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${num(width)} ${num(height)}] /Resources <<>> >>\nendobj\n`,
      );
      this.kids.push(n);
      this.pageCount += 1;
    }
    return { firstPage, lastPage: firstPage + fragment.pages - 1, pages: fragment.pages, blankAfter };
  }

  /** Writes the page tree, catalog, cross-reference table and trailer. */
  async finish(): Promise<{ pages: number; bytes: number }> {
    if (!this.started) await this.writeHeader();
    this.finished = true;
    const out = new ByteBuilder();
    const at = (n: number) => this.setOffset(n, this.offset + out.length);
    at(PAGES);
    out.text(`${PAGES} 0 obj\n<</Type /Pages /Count ${this.pageCount} /Kids [`);
    for (let i = 0; i < this.kids.length; i++) out.text(`${i % 8 === 0 ? '\n' : ' '}${this.kids[i]} 0 R`);
    out.text(']>>\nendobj\n');
    at(CATALOG);
    out.text(`${CATALOG} 0 obj\n<</Type /Catalog /Pages ${PAGES} 0 R>>\nendobj\n`);
    at(INFO);
    out.text(`${INFO} 0 obj\n<</Title ${pdfTextString(this.title)} /Producer (interview-kit)>>\nendobj\n`);
    const xref = this.offset + out.length;
    out.text(`xref\n0 ${this.nextObject}\n0000000000 65535 f \n`);
    await this.emit(out.concat());
    // The table has a line per object (some 85 a row): written in pieces, so a long roster never holds it whole.
    for (let first = 1; first < this.nextObject; first += XREF_LINES_PER_WRITE) {
      const lines = new ByteBuilder();
      const end = Math.min(this.nextObject, first + XREF_LINES_PER_WRITE);
      for (let n = first; n < end; n++) lines.text(`${String(this.offsets[n]).padStart(10, '0')} 00000 n \n`);
      await this.emit(lines.concat());
    }
    await this.emitText(`trailer\n<</Size ${this.nextObject} /Root ${CATALOG} 0 R /Info ${INFO} 0 R>>\nstartxref\n${xref}\n%%EOF\n`);
    return { pages: this.pageCount, bytes: this.offset };
  }

  private async writeHeader(): Promise<void> {
    this.started = true;
    const header = new ByteBuilder();
    header.text('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n');
    await this.emit(header.concat());
  }

  private setOffset(n: number, offset: number): void {
    if (n >= this.offsets.length) {
      const grown = new Float64Array(Math.max(n + 1, this.offsets.length * 2));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[n] = offset;
  }

  private async emitText(text: string): Promise<void> {
    const b = new ByteBuilder();
    b.text(text);
    await this.emit(b.concat());
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    await this.sink.write(bytes);
  }
}

function readField(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let i = at; i < at + NUMBER_FIELD_WIDTH; i++) {
    const c = bytes[i]!;
    if (c >= 0x30 && c <= 0x39) n = n * 10 + (c - 0x30);
  }
  return n;
}

function writeField(bytes: Uint8Array, at: number, value: number): void {
  const digits = String(value);
  if (digits.length > NUMBER_FIELD_WIDTH) throw new Error('the print file has too many objects');
  const start = at + NUMBER_FIELD_WIDTH - digits.length;
  bytes.fill(0x20, at, start);
  for (let i = 0; i < digits.length; i++) bytes[start + i] = digits.charCodeAt(i);
}

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A PDF text string: PDFDocEncoding-safe ASCII literal, or UTF-16BE hex for anything else. */
function pdfTextString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A sink that keeps everything in memory (small print files, tests). */
export class MemorySink implements ByteSink {
  private readonly builder = new ByteBuilder();
  async write(bytes: Uint8Array): Promise<void> {
    this.builder.bytes(bytes);
  }
  /** Everything written. */
  bytes(): Uint8Array {
    return this.builder.concat();
  }
}

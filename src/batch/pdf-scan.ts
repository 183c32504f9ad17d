/**
 * A fast, narrow reader of PDF files as pdf-lib writes them: a run of
 * objects (some in object streams), a cross-reference stream or table, no
 * encryption. It finds each object's bytes and the references inside, and
 * nothing more, which is all the print file needs; it builds no object
 * model, so it costs a fraction of a full parse.
 *
 * Anything outside that shape (an indirect stream length, a filter other
 * than Flate on an object stream, encryption, a syntax surprise) makes it
 * return undefined, and the caller falls back to a full parser.
 *
 * @example
 * const scan = scanPdf(bytes); // { objects, root } or undefined
 */
import { unzlibSync } from 'fflate';

/** One reference `n g R` inside an object's bytes. */
export interface ScannedRef {
  /** Offset of the reference's first byte within the object's body. */
  readonly start: number;
  /** Offset just past its `R`. */
  readonly end: number;
  /** The object number it points to. */
  readonly target: number;
}

/** One object: its body (what lies between `n g obj` and `endobj`) and the references in it. */
export interface ScannedObject {
  readonly body: Uint8Array;
  readonly refs: readonly ScannedRef[];
  /** Length of the dictionary part when the object is a stream (refs lie only there). */
  readonly dictLength?: number;
}

/** The objects of a PDF and its catalog's number. */
export interface PdfScan {
  readonly objects: ReadonlyMap<number, ScannedObject>;
  readonly root: number;
}

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

type TokenKind = 'int' | 'real' | 'name' | 'keyword' | 'open-dict' | 'close-dict' | 'open-array' | 'close-array' | 'string';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

class Bail extends Error {}

/** A lexer over `bytes` from `pos`, tracking the tokens needed to spot references and keys. */
class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly limit: number = bytes.length,
  ) {
    this.pos = start;
  }

  next(): Token | undefined {
    const b = this.bytes;
    let p = this.pos;
    for (;;) {
      while (p < this.limit && WS[b[p]!]) p++;
      if (p < this.limit && b[p] === 0x25) {
        while (p < this.limit && b[p] !== 0x0a && b[p] !== 0x0d) p++;
        continue;
      }
      break;
    }
    if (p >= this.limit) {
      this.pos = p;
      return undefined;
    }
    const start = p;
    const c = b[p]!;
    let kind: TokenKind;
    if (c === 0x3c && b[p + 1] === 0x3c) {
      p += 2;
      kind = 'open-dict';
    } else if (c === 0x3e && b[p + 1] === 0x3e) {
      p += 2;
      kind = 'close-dict';
    } else if (c === 0x5b) {
      p++;
      kind = 'open-array';
    } else if (c === 0x5d) {
      p++;
      kind = 'close-array';
    } else if (c === 0x3c) {
      while (p < this.limit && b[p] !== 0x3e) p++;
      p++;
      kind = 'string';
    } else if (c === 0x28) {
      let depth = 0;
      for (; p < this.limit; p++) {
        const d = b[p]!;
        if (d === 0x5c) p++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      p++;
      kind = 'string';
    } else if (c === 0x2f) {
      p++;
      while (p < this.limit && !WS[b[p]!] && !DELIM[b[p]!]) p++;
      kind = 'name';
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      let real = c === 0x2e;
      p++;
      while (p < this.limit && ((b[p]! >= 0x30 && b[p]! <= 0x39) || b[p] === 0x2e)) {
        if (b[p] === 0x2e) real = true;
        p++;
      }
      kind = real ? 'real' : 'int';
    } else if (DELIM[c]) {
      throw new Bail();
    } else {
      while (p < this.limit && !WS[b[p]!] && !DELIM[b[p]!]) p++;
      kind = 'keyword';
    }
    this.pos = p;
    return { kind, start, end: p };
  }
}

function text(bytes: Uint8Array, t: Token): string {
  let s = '';
  for (let i = t.start; i < t.end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function intOf(bytes: Uint8Array, t: Token): number {
  let n = 0;
  for (let i = t.start; i < t.end; i++) n = n * 10 + (bytes[i]! - 0x30);
  return n;
}

/**
 * Lexes one object from `lexer.pos` until `endobj` or `stream` at the top
 * level (or the lexer's limit), collecting references with offsets relative to `base`.
 */
function lexObject(lexer: Lexer, base: number, refs: ScannedRef[]): 'endobj' | 'stream' | 'end' {
  const bytes = lexer.bytes;
  let depth = 0;
  let prev: Token | undefined;
  let prev2: Token | undefined;
  for (;;) {
    const t = lexer.next();
    if (!t) return 'end';
    if (t.kind === 'keyword') {
      const word = text(bytes, t);
      if (word === 'R' && prev?.kind === 'int' && prev2?.kind === 'int') {
        refs.push({ start: prev2.start - base, end: t.end - base, target: intOf(bytes, prev2) });
        prev = prev2 = undefined;
        continue;
      }
      if (depth === 0 && (word === 'endobj' || word === 'stream')) return word;
      if (word === 'obj' || word === 'endstream' || word === 'trailer' || word === 'xref') throw new Bail();
    } else if (t.kind === 'open-dict' || t.kind === 'open-array') {
      depth++;
    } else if (t.kind === 'close-dict' || t.kind === 'close-array') {
      if (--depth < 0) throw new Bail();
    }
    prev2 = prev;
    prev = t;
  }
}

/** Scans a whole PDF; undefined when it is not of the simple shape this reader handles. */
export function scanPdf(bytes: Uint8Array): PdfScan | undefined {
  try {
    return scan(bytes);
  } catch (error) {
    if (error instanceof Bail || error instanceof RangeError || error instanceof TypeError) return undefined;
    throw error;
  }
}

function scan(bytes: Uint8Array): PdfScan | undefined {
  const objects = new Map<number, ScannedObject>();
  let root: number | undefined;
  const lexer = new Lexer(bytes, 0);
  for (;;) {
    const t = lexer.next();
    if (!t) break;
    if (t.kind === 'keyword') {
      const word = text(bytes, t);
      if (word === 'startxref') {
        lexer.next();
        continue;
      }
      if (word === 'xref') {
        // A classic table: skip to the trailer dictionary.
        let u = lexer.next();
        while (u && !(u.kind === 'keyword' && text(bytes, u) === 'trailer')) u = lexer.next();
        if (!u) throw new Bail();
        root = trailerRoot(lexer) ?? root;
        continue;
      }
      if (word === 'trailer') {
        root = trailerRoot(lexer) ?? root;
        continue;
      }
      throw new Bail();
    }
    if (t.kind !== 'int') throw new Bail();
    const num = intOf(bytes, t);
    const gen = lexer.next();
    const obj = lexer.next();
    if (gen?.kind !== 'int' || obj?.kind !== 'keyword' || text(bytes, obj) !== 'obj') throw new Bail();
    const bodyStart = lexer.pos;
    const refs: ScannedRef[] = [];
    const stop = lexObject(lexer, bodyStart, refs);
    if (stop === 'end') throw new Bail();
    if (stop === 'endobj') {
      const body = trimEnd(bytes, bodyStart, lexer.pos - 'endobj'.length);
      objects.set(num, { body, refs });
      continue;
    }
    // A stream: its data follows the keyword and one end of line.
    const dictEnd = lexer.pos - 'stream'.length;
    const dict = bytes.subarray(bodyStart, dictEnd);
    const length = dictInt(dict, 'Length');
    if (length === undefined) throw new Bail();
    let dataStart = lexer.pos;
    if (bytes[dataStart] === 0x0d) dataStart++;
    if (bytes[dataStart] === 0x0a) dataStart++;
    const dataEnd = dataStart + length;
    lexer.pos = dataEnd;
    const endstream = lexer.next();
    if (!endstream || text(bytes, endstream) !== 'endstream') throw new Bail();
    const endobj = lexer.next();
    if (!endobj || text(bytes, endobj) !== 'endobj') throw new Bail();
    const type = dictName(dict, 'Type');
    if (type === 'XRef') {
      root = dictRef(dict, 'Root') ?? root;
      continue;
    }
    if (type === 'ObjStm') {
      const n = dictInt(dict, 'N');
      const first = dictInt(dict, 'First');
      if (dictName(dict, 'Filter') !== 'FlateDecode' || dictHas(dict, 'DecodeParms') || n === undefined || first === undefined) throw new Bail();
      readObjectStream(unzlibSync(bytes.subarray(dataStart, dataEnd)), n, first, objects);
      continue;
    }
    const body = bytes.subarray(bodyStart, endstream.end);
    objects.set(num, { body, refs, dictLength: dictEnd - bodyStart });
  }
  if (root === undefined || !objects.has(root)) return undefined;
  return { objects, root };
}

function readObjectStream(data: Uint8Array, n: number, first: number, objects: Map<number, ScannedObject>): void {
  const header = new Lexer(data, 0, first);
  const entries: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const num = header.next();
    const off = header.next();
    if (num?.kind !== 'int' || off?.kind !== 'int') throw new Bail();
    entries.push([intOf(data, num), intOf(data, off)]);
  }
  for (let i = 0; i < entries.length; i++) {
    const [num, off] = entries[i]!;
    const start = first + off;
    const end = i + 1 < entries.length ? first + entries[i + 1]![1] : data.length;
    const lexer = new Lexer(data, start, end);
    const refs: ScannedRef[] = [];
    const stop = lexObject(lexer, start, refs);
    if (stop !== 'end') throw new Bail();
    // Objects in a stream are never replaced by a later plain definition in pdf-lib's output; keep the first.
    if (!objects.has(num)) objects.set(num, { body: trimEnd(data, start, end), refs });
  }
}

function trimEnd(bytes: Uint8Array, start: number, end: number): Uint8Array {
  let e = end;
  while (e > start && WS[bytes[e - 1]!]) e--;
  // Leading white space stays: reference offsets are relative to `start`.
  return bytes.subarray(start, e);
}

/** The integer value after `/key` in a dictionary body at its top level (not a reference), or undefined. */
export function dictInt(body: Uint8Array, key: string): number | undefined {
  const lexer = new Lexer(body, 0);
  if (!seekKey(lexer, key)) return undefined;
  const t = lexer.next();
  if (t?.kind !== 'int') return undefined;
  const g = lexer.next();
  const r = lexer.next();
  if (g?.kind === 'int' && r?.kind === 'keyword' && text(body, r) === 'R') return undefined;
  return intOf(body, t);
}

/** The object number of the reference after `/key` at the top level, or undefined. */
export function dictRef(body: Uint8Array, key: string): number | undefined {
  const lexer = new Lexer(body, 0);
  if (!seekKey(lexer, key)) return undefined;
  const t = lexer.next();
  const g = lexer.next();
  const r = lexer.next();
  return t?.kind === 'int' && g?.kind === 'int' && r?.kind === 'keyword' && text(body, r) === 'R' ? intOf(body, t) : undefined;
}

/** The references of the array after `/key` at the top level, in order; undefined when absent. */
export function dictRefArray(body: Uint8Array, key: string): number[] | undefined {
  const lexer = new Lexer(body, 0);
  if (!seekKey(lexer, key)) return undefined;
  if (lexer.next()?.kind !== 'open-array') return undefined;
  const out: number[] = [];
  const ints: Token[] = [];
  for (let t = lexer.next(); t && t.kind !== 'close-array'; t = lexer.next()) {
    if (t.kind === 'int') ints.push(t);
    else if (t.kind === 'keyword' && text(body, t) === 'R' && ints.length >= 2) {
      out.push(intOf(body, ints[ints.length - 2]!));
      ints.length = 0;
    } else return undefined;
  }
  return out;
}

/** Reads the dictionary after `trailer` and returns its /Root object number. */
function trailerRoot(lexer: Lexer): number | undefined {
  const start = lexer.pos;
  lexObject(lexer, start, []);
  return dictRef(lexer.bytes.subarray(start, lexer.pos), 'Root');
}

/** The numbers of the array after `/key` at the top level of a dictionary body, or undefined. */
export function dictNumbers(body: Uint8Array, key: string): number[] | undefined {
  const lexer = new Lexer(body, 0);
  if (!seekKey(lexer, key)) return undefined;
  const open = lexer.next();
  if (open?.kind !== 'open-array') return undefined;
  const out: number[] = [];
  for (let t = lexer.next(); t && t.kind !== 'close-array'; t = lexer.next()) {
    if (t.kind !== 'int' && t.kind !== 'real') return undefined;
    out.push(Number(text(body, t)));
  }
  return out;
}

/** True when the dictionary body has `/key` at its top level. */
export function dictHas(body: Uint8Array, key: string): boolean {
  return seekKey(new Lexer(body, 0), key);
}

/** The name after `/key` (without the slash) at the top level, or undefined. */
export function dictName(body: Uint8Array, key: string): string | undefined {
  const t = valueAfter(body, key);
  return t?.kind === 'name' ? text(body, t).slice(1) : undefined;
}

function valueAfter(body: Uint8Array, key: string): Token | undefined {
  const lexer = new Lexer(body, 0);
  return seekKey(lexer, key) ? lexer.next() : undefined;
}

/** Moves the lexer just past `/key` at depth 1 of the body's dictionary; false when absent. */
function seekKey(lexer: Lexer, key: string): boolean {
  const wanted = `/${key}`;
  let depth = 0;
  let expectKey = false;
  for (let t = lexer.next(); t; t = lexer.next()) {
    if (t.kind === 'open-dict' || t.kind === 'open-array') {
      depth++;
      expectKey = depth === 1 && t.kind === 'open-dict';
      continue;
    }
    if (t.kind === 'close-dict' || t.kind === 'close-array') {
      depth--;
      if (depth === 0) return false;
      expectKey = depth === 1;
      continue;
    }
    if (depth !== 1) continue;
    if (expectKey && t.kind === 'name') {
      if (text(lexer.bytes, t) === wanted) return true;
      expectKey = false;
      skipValue(lexer);
      expectKey = true;
    }
  }
  return false;
}

/** Skips one value (a nested dict or array as a whole). */
function skipValue(lexer: Lexer): void {
  const t = lexer.next();
  if (!t) return;
  if (t.kind === 'open-dict' || t.kind === 'open-array') {
    let depth = 1;
    while (depth > 0) {
      const u = lexer.next();
      if (!u) return;
      if (u.kind === 'open-dict' || u.kind === 'open-array') depth++;
      else if (u.kind === 'close-dict' || u.kind === 'close-array') depth--;
    }
    return;
  }
  if (t.kind === 'int') {
    // `n g R` is one value.
    const save = lexer.pos;
    const g = lexer.next();
    const r = lexer.next();
    if (!(g?.kind === 'int' && r?.kind === 'keyword' && text(lexer.bytes, r) === 'R')) lexer.pos = save;
  }
}

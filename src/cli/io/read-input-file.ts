/**
 * Reads a user's input file as text, refusing what cannot be an input
 * (a missing path, a folder, a device, a file of megabytes) with a message
 * that names the path and says what to do.
 *
 * @example
 * const text = readInputFile('maya.yaml'); // throws InputError when it can't
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError, type Diagnostic } from '../../diagnostics.js';
import { MAX_INPUT_BYTES, tooLargeDiagnostic } from '../../load/check-text.js';
import { suggestClosest } from '../../load/suggest.js';

/** Options of {@link readInputFile}. */
export interface ReadInputOptions {
  /** Size limit in bytes (1 MiB by default; a roster may allow more). */
  readonly maxBytes?: number;
  /** What the file should be, for messages: "an interview file". */
  readonly what?: string;
}

/** Reads `path` as text (UTF-8, or UTF-16 when it starts with a UTF-16 byte order mark). */
export function readInputFile(path: string, options: ReadInputOptions = {}): string {
  return decodeText(readInputBytes(path, options));
}

/** The bytes of an input file, with the checks of {@link readInputFile} (for files decoded elsewhere: rosters). */
export function readInputBytes(path: string, options: ReadInputOptions = {}): Uint8Array {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new InputError([notReadable(path, error)]);
  }
  if (stats.isDirectory()) throw new InputError([isFolder(path)]);
  if (!stats.isFile()) {
    throw new InputError([{ severity: 'error', message: 'not a regular file', file: path, hints: ['give the path of a .yaml file'] }]);
  }
  if (stats.size > maxBytes) throw new InputError([tooLargeDiagnostic(path, stats.size, maxBytes, options.what)]);
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path, maxBytes);
  } catch (error) {
    if (errorCode(error) === 'EFBIG') throw new InputError([tooLargeDiagnostic(path, (error as { size: number }).size, maxBytes, options.what)]);
    throw new InputError([notReadable(path, error)]);
  }
  return bytes;
}

/**
 * Reads a regular file of at most `maxBytes`, never more than that from the
 * disk: a FIFO, a device (/dev/zero), a folder or a file that is (or grows)
 * too large throws before its bytes are read, with `code` ENOTREG, EISDIR or
 * EFBIG (and `size`, at least the bytes seen), like the errors of `fs`.
 */
export function readRegularFile(path: string, maxBytes: number): Uint8Array {
  // Non-blocking, so that opening a FIFO does not wait for a writer.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    if (stats.size > maxBytes) throw Object.assign(new Error(`too large (${stats.size} bytes)`), { code: 'EFBIG', size: stats.size });
    // One byte more than the file's size (or the limit), to see its end; grown while a file grows under the limit.
    let buffer = new Uint8Array(Math.min(maxBytes, stats.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw Object.assign(new Error(`too large (more than ${maxBytes} bytes)`), { code: 'EFBIG', size: length });
        const grown = new Uint8Array(Math.min(maxBytes + 1, length * 2));
        grown.set(buffer);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Decodes file bytes: UTF-16 when a UTF-16 byte order mark says so, else UTF-8 (bad bytes become U+FFFD, which the loader reports). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function notReadable(path: string, error: unknown): Diagnostic {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const hints: string[] = [];
    const dir = dirname(path);
    let names: string[] | undefined;
    try {
      names = readdirSync(dir);
    } catch {
      names = undefined;
    }
    if (!names) hints.push(`the folder ${dir} does not exist either`);
    else {
      const guess = suggestClosest(basename(path), names.filter((n) => /\.(ya?ml|csv)$/i.test(n)));
      if (guess) hints.push(`did you mean ${join(dir, guess)}?`);
      else hints.push('check the spelling and the folder you are in');
    }
    return { severity: 'error', message: 'no such file', file: path, hints };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { severity: 'error', message: 'cannot be read: permission denied', file: path, hints: ['check the file\'s permissions'] };
  }
  if (code === 'EISDIR') return isFolder(path);
  const reason = error instanceof Error ? error.message : String(error);
  return { severity: 'error', message: `cannot be read (${reason})`, file: path };
}

function isFolder(path: string): Diagnostic {
  let inside: string[] = [];
  try {
    inside = readdirSync(path).filter((n) => ['.yaml', '.yml'].includes(extname(n).toLowerCase())).sort();
  } catch {
    inside = [];
  }
  const hints =
    inside.length > 0
      ? [`give one of its files, e.g. ${join(path, inside[0]!)}`]
      : ['give the path of an interview .yaml file, e.g. interview.yaml'];
  return { severity: 'error', message: 'this is a folder, not a file', file: path, hints };
}

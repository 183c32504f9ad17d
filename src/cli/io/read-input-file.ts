/**
 * Reads a user's input file as text, refusing what cannot be an input
 * (a missing path, a folder, a device, a file of megabytes) with a message
 * that names the path and says what to do.
 *
 * @example
 * const text = readInputFile('maya.yaml'); // throws InputError when it can't
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError([notReadable(path, error)]);
  }
  if (bytes.length > maxBytes) throw new InputError([tooLargeDiagnostic(path, bytes.length, maxBytes, options.what)]);
  return bytes;
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

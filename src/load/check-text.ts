/**
 * The checks a file's text must pass before it is parsed as YAML: not too
 * large, not binary, no stray control characters. Also strips a UTF-8 byte
 * order mark and turns CRLF and CR line endings into LF (line numbers stay the same).
 *
 * @example
 * const { text, diagnostics } = checkText('\uFEFFstudent:\r\n  name: Maya\r\n', 'maya.yaml');
 * // text === 'student:\n  name: Maya\n', diagnostics.length === 0
 */
import type { Diagnostic } from '../diagnostics.js';

/** Input larger than this (1 MiB of UTF-8) is refused before parsing. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Stray control characters reported per file before the rest are left unsaid. */
const MAX_CONTROL_REPORTS = 5;

/** The outcome of {@link checkText}. */
export interface CheckedText {
  /** The text ready for the YAML parser. */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  /** True when the text must not be parsed at all (too large, binary); other problems are reported and parsing goes on. */
  readonly fatal: boolean;
}

/** Options of {@link checkText}. */
export interface CheckTextOptions {
  /** Size limit in UTF-8 bytes; {@link MAX_INPUT_BYTES} by default. */
  readonly maxBytes?: number;
  /** What the file should be, for the size message: "an interview file". */
  readonly what?: string;
}

/** Size of `text` in UTF-8 bytes, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "5.2 MB", "840 KB", "12 bytes": a size as people say it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

/** The message for a file over the size limit; shared with the CLI, which checks before reading. */
export function tooLargeDiagnostic(file: string, bytes: number, maxBytes = MAX_INPUT_BYTES, what = 'an interview file'): Diagnostic {
  return {
    severity: 'error',
    message: `file is ${formatSize(bytes)}; ${what} should be a few KB (the limit is ${formatSize(maxBytes)})`,
    file,
    line: 1,
    column: 1,
    hints: ['check that this is the right file: it should hold the YAML of one interview'],
  };
}

/** 1-based line and column of offset `index` in `text`. */
function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** A guess at what a binary file is, from its first characters. */
function binaryKind(text: string): string | undefined {
  if (text.startsWith('%PDF-')) return 'a PDF';
  if (text.startsWith('PK\u0003\u0004')) return 'a ZIP archive (a .docx or .xlsx file is one)';
  if (text.startsWith('\uFFFDPNG')) return 'a PNG image';
  return undefined;
}

/**
 * Checks `text` (the whole content of `file`) and returns it ready for parsing.
 * Problems are positioned at 1-based line and column.
 */
export function checkText(raw: string, file: string, options: CheckTextOptions = {}): CheckedText {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  // A cheap bound first: each UTF-16 unit is at most 3 UTF-8 bytes.
  if (raw.length > maxBytes || raw.length * 3 > maxBytes) {
    const bytes = utf8Length(raw);
    if (bytes > maxBytes) {
      return { text: '', diagnostics: [tooLargeDiagnostic(file, bytes, maxBytes, options.what)], fatal: true };
    }
  }
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');

  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul !== -1 || bad !== -1) {
    const kind = binaryKind(text);
    const at = nul === -1 ? bad : bad === -1 ? nul : Math.min(nul, bad);
    const what = text.charCodeAt(at) === 0 ? 'a NUL byte' : 'bytes that are not UTF-8 text';
    const hints = kind
      ? [`this looks like ${kind}; give the path of the .yaml file instead`]
      : ['save the file as plain UTF-8 text (in most editors: "Save as…", encoding UTF-8)'];
    return {
      text: '',
      diagnostics: [
        {
          severity: 'error',
          message: `this is not a text file: it contains ${what}`,
          file,
          ...positionOf(text, at),
          hints,
        },
      ],
      fatal: true,
    };
  }

  const diagnostics: Diagnostic[] = [];
  // C0 controls other than tab and LF, DEL, and C1 controls are not allowed in YAML.
  const control = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
  let found = 0;
  for (let m = control.exec(text); m; m = control.exec(text)) {
    found++;
    if (found > MAX_CONTROL_REPORTS) continue;
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    diagnostics.push({
      severity: 'error',
      code: 'control-character',
      message: `invisible control character U+${code} in the text`,
      file,
      ...positionOf(text, m.index),
      hints: ['delete it (it often comes from copying out of a PDF or a word processor)'],
    });
  }
  if (found > MAX_CONTROL_REPORTS) {
    const last = diagnostics[diagnostics.length - 1]!;
    diagnostics[diagnostics.length - 1] = {
      ...last,
      hints: [...(last.hints ?? []), `${found - MAX_CONTROL_REPORTS} more such characters follow`],
    };
  }
  return { text, diagnostics, fatal: false };
}

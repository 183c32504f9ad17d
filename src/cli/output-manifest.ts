/**
 * What the program wrote into an output folder, so that it never replaces a
 * file the user made or changed: `.interview-kit.json` holds the SHA-256 of
 * each file as written. Before writing, a file that exists is replaced only
 * when it is still what the program wrote (or already holds the new bytes);
 * anything else — a DOCX the student edited, a file of their own by the same
 * name, a read-only file — stops the command, naming it, unless --force.
 *
 * The manifest also keeps each calendar's SEQUENCE and content hash, so that a
 * rebuilt follow-up.ics updates the events a calendar imported.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { sha256Hex } from '../hash.js';
import { displayPath } from '../node/assets.js';
import { writeFilesAtomically, type OutputFile } from './io/index.js';

/** The manifest's file name in each output folder. */
export const OUTPUT_MANIFEST = '.interview-kit.json';

/** A calendar's revision: SEQUENCE grows and DTSTAMP moves when the events' content changes. */
export interface CalendarRevision {
  readonly sequence: number;
  /** DTSTAMP, seconds since the epoch. */
  readonly timestamp?: number;
  /** Hash of the events. */
  readonly content: string;
}

/** `.interview-kit.json`. */
export interface OutputManifest {
  /** File name → SHA-256 (hex) of the bytes the program wrote. */
  readonly files: Readonly<Record<string, string>>;
  /** Calendar file name → its revision. */
  readonly calendars?: Readonly<Record<string, CalendarRevision>>;
}

/** The folder's manifest; empty when there is none or it cannot be read. */
export function readOutputManifest(dir: string): OutputManifest {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, OUTPUT_MANIFEST), 'utf8')) as Partial<OutputManifest>;
    const files = parsed.files && typeof parsed.files === 'object' ? parsed.files : {};
    const calendars = parsed.calendars && typeof parsed.calendars === 'object' ? parsed.calendars : {};
    return { files, calendars };
  } catch {
    return { files: {}, calendars: {} };
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * SEQUENCE and DTSTAMP for the calendar `name` in `dir`: the previous ones
 * while its events are the same (so a rebuild gives the same bytes), else
 * one more SEQUENCE and DTSTAMP now — SOURCE_DATE_EPOCH (`epoch`) when set.
 */
export function calendarReviser(dir: string, epoch: number | undefined, name = 'follow-up.ics'): (content: string) => { sequence: number; timestamp: number } {
  const previous = readOutputManifest(dir).calendars?.[name];
  return (content) => {
    const now = epoch ?? Math.floor(Date.now() / 1000);
    if (!previous) return { sequence: 0, timestamp: now };
    if (previous.content === content) return { sequence: previous.sequence, timestamp: epoch ?? previous.timestamp ?? now };
    return { sequence: previous.sequence + 1, timestamp: now };
  };
}

/** Why an existing file must not be replaced, or undefined when it may be. */
function reasonToKeep(path: string, name: string, bytes: Uint8Array, manifest: OutputManifest): string | undefined {
  let current: Uint8Array;
  let mode: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return undefined; // a folder is reported by the writer
    mode = stats.mode;
    current = readFileSync(path);
  } catch {
    return undefined; // nothing there yet
  }
  // Marked read-only (even for an administrator, whom the file system lets write anything).
  if ((mode & 0o200) === 0 || !isWritable(path)) return 'is read-only';
  const hash = sha256Hex(current);
  if (hash === sha256Hex(bytes)) return undefined;
  const written = manifest.files[name];
  if (written === undefined) return 'was not written by interview-kit';
  return written === hash ? undefined : 'changed since interview-kit wrote it';
}

/**
 * Writes `files` into `dir` (all or nothing) unless one would replace a file
 * the user made or changed; then records what was written. Throws an
 * InputError naming every such file when `force` is not set.
 */
export async function writeGuardedFiles(
  dir: string,
  files: readonly (OutputFile & { readonly revision?: CalendarRevision })[],
  options: { readonly force?: boolean } = {},
): Promise<void> {
  const manifest = readOutputManifest(dir);
  if (!options.force) {
    const kept: Diagnostic[] = [];
    for (const f of files) {
      const path = join(dir, f.name);
      const reason = reasonToKeep(path, f.name, f.bytes, manifest);
      if (reason) {
        kept.push({
          severity: 'error',
          file: displayPath(path),
          message: `not replaced: ${displayPath(path)} ${reason}`,
          hints:
            reason === 'is read-only'
              ? ['make it writable, choose another folder with --out, or pass --force to replace it']
              : ['keep your version under another name, choose another folder with --out, or pass --force to replace it'],
        });
      }
    }
    if (kept.length > 0) throw new InputError(kept);
  }
  const next: OutputManifest = {
    files: { ...manifest.files, ...Object.fromEntries(files.map((f) => [f.name, sha256Hex(f.bytes)])) },
    calendars: { ...manifest.calendars, ...Object.fromEntries(files.flatMap((f) => (f.revision ? [[f.name, f.revision]] : []))) },
  };
  const record = { name: OUTPUT_MANIFEST, bytes: new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`) };
  await writeFilesAtomically(dir, [...files, record]);
}

/**
 * Writes output files so that nothing is ever half-written: each file goes to
 * a temporary name in its own folder (`.packet.pdf.<pid>.tmp`) and is renamed
 * over the old one only when every file of the set has been written. A
 * failure, or Ctrl-C, before that point removes the temporary files and leaves
 * the previous good files as they were.
 *
 * @example
 * await writeFilesAtomically('out/maya-patel', [{ name: 'packet.pdf', bytes }]);
 */
import { mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { InputError } from '../../diagnostics.js';

/** One file to write, named relative to the output folder. */
export interface OutputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Options of {@link writeFilesAtomically}. */
export interface WriteFilesOptions {
  /** Called after each file's temporary copy is complete (awaited), with how many are done. */
  readonly onProgress?: (written: number, total: number) => void | Promise<void>;
}

/** The output folder cannot be created or written; exits with code 2 like other input errors. */
export class OutputFolderError extends InputError {
  constructor(readonly folder: string, reason: string) {
    super([
      {
        severity: 'error',
        message: `cannot write to the output folder ${folder}: ${reason}`,
        field: '--out',
        hints: ['choose another folder with --out, or fix this one\'s permissions'],
      },
    ]);
    this.name = 'OutputFolderError';
  }
}

const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes every temporary file still being written (synchronous: safe in signal and exit handlers). */
export function removePendingTemps(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePendingTemps();
  // When nothing else handles the signal, end the way the signal would have.
  if (process.listenerCount(signal) <= 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removePendingTemps);
}
function uninstall(): void {
  if (!installed || pending.size > 0) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removePendingTemps);
}

function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file with that name is in the way';
    case 'ENAMETOOLONG':
      return 'a file name is too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Rejects names that would leave the output folder. */
function checkName(name: string): void {
  const n = normalize(name);
  if (!name || isAbsolute(name) || n === '..' || n.startsWith(`..${sep}`) || n.split(sep).includes('..')) {
    throw new Error(`output file name "${name}" must stay inside the output folder`);
  }
}

/**
 * Writes `files` into `dir` (created when missing), all or nothing: the
 * previous files stay in place unless every new one was written completely.
 * Throws {@link OutputFolderError} when the folder can't be created or written.
 * Returns the paths written.
 */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[], options: WriteFilesOptions = {}): Promise<string[]> {
  for (const f of files) checkName(f.name);
  const targets = files.map((f) => join(dir, f.name));
  for (const folder of new Set([dir, ...targets.map(dirname)])) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new OutputFolderError(folder, reasonOf(error));
    }
  }
  for (const target of targets) {
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) throw new OutputFolderError(dirname(target), `${basename(target)} is a folder there`);
  }

  const temps: string[] = [];
  install();
  try {
    for (let i = 0; i < files.length; i++) {
      const target = targets[i]!;
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      pending.add(temp);
      temps.push(temp);
      try {
        // Synchronous: a command writes a handful of files, and each asynchronous
        // call would cost a trip through the thread pool (10 ms for a build's five).
        writeFileSync(temp, files[i]!.bytes);
      } catch (error) {
        throw new OutputFolderError(dirname(target), reasonOf(error));
      }
      await options.onProgress?.(i + 1, files.length);
    }
    for (let i = 0; i < files.length; i++) {
      try {
        renameSync(temps[i]!, targets[i]!);
      } catch (error) {
        throw new OutputFolderError(dirname(targets[i]!), reasonOf(error));
      }
      pending.delete(temps[i]!);
    }
    return targets;
  } finally {
    for (const temp of temps) {
      if (!pending.has(temp)) continue;
      pending.delete(temp);
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
    uninstall();
  }
}

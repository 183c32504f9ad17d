/**
 * How the CLI speaks: diagnostics to stderr (errors, then warnings), exit
 * codes, and no stack traces unless --debug.
 */
import { styleText } from 'node:util';
import { formatDiagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import { terminalText } from './terminal-text.js';

/** Exit codes: 0 ok, 1 some outputs failed, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/**
 * Whether stderr takes colours: never with NO_COLOR, always with FORCE_COLOR
 * (other than 0), else when it is a terminal that shows them.
 */
export function stderrHasColors(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return process.stderr.isTTY === true && process.stderr.hasColors?.() === true;
}

/** The caller has decided on colour already (stderrHasColors); styleText is not to check stdout again. */
const RAW = { validateStream: false } as const;

/** A diagnostic's text with "error:" in red and "warning:" in yellow (bold), and hints dimmed. */
function colorize(text: string): string {
  return text
    .replace(/^(.*?)(error|warning):/, (_m, where: string, severity: string) => `${where}${styleText(['bold', severity === 'error' ? 'red' : 'yellow'], `${severity}:`, RAW)}`)
    .replace(/^(  hint:)/gm, (m) => styleText('cyan', m, RAW));
}

/** Prints diagnostics, errors first; in colour on a terminal (see {@link stderrHasColors}). */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const ordered = [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity === 'warning')];
  const colors = stderrHasColors();
  for (const d of ordered) {
    const text = terminalText(formatDiagnostic(d));
    process.stderr.write(`${colors ? colorize(text) : text}\n`);
  }
}

/**
 * Runs a command's action and turns what it throws into the right exit
 * code: InputError → its diagnostics and 2; anything else → a one-line
 * internal error (stack with --debug) and 1.
 */
export async function runAction(action: () => Promise<number | void>, debug = false): Promise<number> {
  let code: number;
  try {
    code = (await action()) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) {
      printDiagnostics(error.diagnostics);
      code = EXIT.badInput;
    } else {
      const e = error as NodeJS.ErrnoException;
      if (debug) process.stderr.write(`${e?.stack ?? String(error)}\n`);
      else process.stderr.write(`error: ${terminalText(e?.message ?? String(error))}\n  hint: run again with --debug for details, and report it if it persists\n`);
      code = EXIT.failed;
    }
  }
  lastExitCode = Math.max(lastExitCode, code);
  return code;
}

let lastExitCode: number = EXIT.ok;

/** The exit code the commands of this run have set (the worst one); resets it. */
export function takeExitCode(): number {
  const code = lastExitCode;
  lastExitCode = EXIT.ok;
  return code;
}

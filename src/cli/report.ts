/**
 * How the CLI speaks: diagnostics to stderr (errors, then warnings), exit
 * codes, and no stack traces unless --debug.
 */
import { formatDiagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import { terminalText } from './terminal-text.js';

/** Exit codes: 0 ok, 1 some outputs failed, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** Prints diagnostics, errors first. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const ordered = [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity === 'warning')];
  for (const d of ordered) process.stderr.write(`${terminalText(formatDiagnostic(d))}\n`);
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

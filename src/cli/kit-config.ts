/** Reading a career office's kit.yaml, for every command that takes --config. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { KitConfig } from '../load/kit-schema.js';
import { InputError } from '../diagnostics.js';
import type { Theme } from '../theme.js';
import { displayPath } from './assets.js';
import { printDiagnostics } from './report.js';
import { readInputFile } from './io/index.js';

/** Reads kit.yaml and its logo into a config and theme; bad input throws InputError. (Its schema loads only then.) */
export async function readKitConfig(path: string): Promise<{ config: KitConfig; theme: Theme }> {
  const { loadKitTheme } = await import('../load/load-kit-config.js');
  const shown = displayPath(resolve(path));
  const text = readInputFile(path, { what: 'a kit.yaml' });
  const dir = dirname(resolve(path));
  const result = loadKitTheme(text, shown, (logo) => new Uint8Array(readFileSync(resolve(dir, logo))));
  if (!result.config || !result.theme) throw new InputError(result.diagnostics);
  printDiagnostics(result.diagnostics); // warnings only: an accent too light to read, …
  return { config: result.config, theme: result.theme };
}

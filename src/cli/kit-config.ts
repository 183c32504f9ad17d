/** Reading a career office's kit.yaml, for every command that takes --config. */
import { dirname, resolve } from 'node:path';
import type { KitConfig } from '../load/kit-schema.js';
import { InputError } from '../diagnostics.js';
import type { Theme } from '../theme.js';
import { displayPath } from '../node/assets.js';
import { printDiagnostics } from './report.js';
import { readInputFile, readRegularFile } from './io/index.js';

/** Reads kit.yaml and its logo into a config and theme; bad input throws InputError. (Its schema loads only then.) */
export async function readKitConfig(path: string): Promise<{ config: KitConfig; theme: Theme }> {
  const { loadKitTheme } = await import('../load/load-kit-config.js');
  const shown = displayPath(resolve(path));
  const text = readInputFile(path, { what: 'a kit.yaml' });
  const result = loadKitTheme(text, shown, logoReaderFor(path));
  if (!result.config || !result.theme) throw new InputError(result.diagnostics);
  printDiagnostics(result.diagnostics); // warnings only: an accent too light to read, …
  return { config: result.config, theme: result.theme };
}

/** Reads a logo named in the kit.yaml at `configPath` (relative to its folder), never more than the limit asked. */
export function logoReaderFor(configPath: string): (logo: string, maxBytes: number) => Uint8Array {
  const dir = dirname(resolve(configPath));
  return (logo, maxBytes) => readRegularFile(resolve(dir, logo), maxBytes);
}

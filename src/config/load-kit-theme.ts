/**
 * kit.yaml text in, theme out: validates the config, reads the logo through
 * the caller's `readLogo` (the CLI resolves the path next to kit.yaml) and
 * checks the image, all with positioned diagnostics.
 *
 * @example
 * const { config, theme, diagnostics } = loadKitTheme(text, 'kit.yaml', (p) => readFileSync(resolve(dir, p)));
 * if (!theme) throw new InputError(diagnostics);
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Theme } from '../theme.js';
import type { KitConfig } from './kit-schema.js';
import { createKitTheme } from './kit-theme.js';
import { loadKitConfig } from './load-kit-config.js';
import { checkLogo, logoUnreadable } from './logo.js';

/** Reads the logo file named in kit.yaml (as written there); throws when it cannot. */
export type LogoReader = (logoPath: string) => Uint8Array;

/** The result of {@link loadKitTheme}: both `config` and `theme` are present when there is no error. */
export interface KitThemeResult {
  readonly config?: KitConfig;
  readonly theme?: Theme;
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads kit.yaml and its logo into a {@link Theme}. */
export function loadKitTheme(text: string, file: string, readLogo: LogoReader): KitThemeResult {
  const loaded = loadKitConfig(text, file);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const config = loaded.value;
  const logoPath = config.office?.logo;
  if (!logoPath) return { config, theme: createKitTheme(config), diagnostics: loaded.diagnostics };
  const at = loaded.positionOf(['office', 'logo']);
  let bytes: Uint8Array;
  try {
    bytes = readLogo(logoPath);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : (e.message ?? String(error));
    return { diagnostics: [...loaded.diagnostics, logoUnreadable(file, logoPath, reason, at)] };
  }
  const checked = checkLogo(bytes, file, logoPath, at);
  if (!checked.logo) return { diagnostics: [...loaded.diagnostics, ...checked.diagnostics] };
  return { config, theme: createKitTheme(config, checked.logo), diagnostics: loaded.diagnostics };
}

/**
 * Loads `kit.yaml`, a career office's branding and print settings, through
 * the same loader as interview.yaml (text checks, YAML with positions, the
 * schema, the same words for the same mistakes), then reads its logo.
 *
 * @example
 * const { value, diagnostics } = loadKitConfig(text, 'kit.yaml');
 * // kit.yaml:4:9: error: accent is not a colour; write it as #rrggbb, e.g. "#1f4e79" ("blue")
 * const { config, theme } = loadKitTheme(text, 'kit.yaml', (p) => readFileSync(resolve(dir, p)));
 */
import type { Diagnostic } from '../diagnostics.js';
import { accentContrastWarning, PAGE_SIZES, type Theme } from '../theme.js';
import { checkLogo, logoUnreadable, MAX_LOGO_BYTES } from './check-logo.js';
import { kitConfigSchema, type KitConfig } from './kit-schema.js';
import { createKitTheme, resolveMargins } from './kit-theme.js';
import { loadYaml } from './load-yaml.js';
import type { Position } from './yaml-source.js';

/** The result of {@link loadKitConfig}. */
export interface KitConfigResult {
  /** The validated config; absent when any error was found. */
  readonly value?: KitConfig;
  readonly diagnostics: readonly Diagnostic[];
  /** Where the value at `path` was written (for diagnostics found later, e.g. an unreadable logo). */
  positionOf(path: readonly PropertyKey[]): Position | undefined;
}

/** The narrowest text block width left by the margins, in points (3 inches). */
export const MIN_TEXT_WIDTH = 216;

/** Parses and validates kit.yaml text. An empty file is a valid, empty config. */
export function loadKitConfig(text: string, file: string): KitConfigResult {
  const loaded = loadYaml(text, file, kitConfigSchema, {
    what: 'kit.yaml',
    emptyValue: {},
    listHint: 'write settings as "key: value" lines (office:, accent:, page_size: ...); run `interview-kit init` for a commented sample kit.yaml',
  });
  const { source } = loaded;
  const positionOf = (path: readonly PropertyKey[]) => source?.locate(path);
  const diagnostics = [...loaded.diagnostics];
  const config = loaded.value;
  if (!config) return { diagnostics, positionOf };
  const page = PAGE_SIZES[config.page_size ?? 'letter'];
  const margins = resolveMargins(config.margins);
  const width = page.width - margins.left - margins.right;
  const height = page.height - margins.top - margins.bottom;
  if (width < MIN_TEXT_WIDTH || height < MIN_TEXT_WIDTH) {
    diagnostics.push({
      severity: 'error',
      message: `margins leave too little room on a ${config.page_size ?? 'letter'} page (${Math.round(width)} × ${Math.round(height)} points of text)`,
      file,
      ...positionOf(['margins']),
      field: 'margins',
      hints: ['keep at least 3 inches of text width and height; 0.75 inch on each side is usual'],
    });
    return { diagnostics, positionOf };
  }
  const contrast = config.accent === undefined ? undefined : accentContrastWarning(config.accent);
  if (contrast) diagnostics.push({ severity: 'warning', code: 'low-contrast', ...contrast, file, ...positionOf(['accent']), field: 'accent' });
  return { value: config, diagnostics, positionOf };
}

/**
 * Reads the logo file named in kit.yaml (as written there), reading no more
 * than `maxBytes` from it; throws when it cannot, with the `code` of an `fs`
 * error (ENOENT, EISDIR, ENOTREG for a device or FIFO, EFBIG with `size` for a file over the limit).
 */
export type LogoReader = (logoPath: string, maxBytes: number) => Uint8Array;

/** The result of {@link loadKitTheme}: both `config` and `theme` are present when there is no error. */
export interface KitThemeResult {
  readonly config?: KitConfig;
  readonly theme?: Theme;
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads kit.yaml and its logo (read through the caller's `readLogo`) into a {@link Theme}. */
export function loadKitTheme(text: string, file: string, readLogo: LogoReader): KitThemeResult {
  const loaded = loadKitConfig(text, file);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const config = loaded.value;
  const logoPath = config.office?.logo;
  if (!logoPath) return { config, theme: createKitTheme(config), diagnostics: loaded.diagnostics };
  const at = loaded.positionOf(['office', 'logo']);
  let bytes: Uint8Array;
  try {
    bytes = readLogo(logoPath, MAX_LOGO_BYTES);
  } catch (error) {
    const { code, size } = error as { code?: string; size?: number };
    const reason =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'it is a folder'
      : code === 'ENOTREG' ? 'not a regular file'
      : code === 'EFBIG' ? `it is too large: ${size} bytes, the limit is ${MAX_LOGO_BYTES}`
      : ((error as Error).message ?? String(error));
    return { diagnostics: [...loaded.diagnostics, logoUnreadable(file, logoPath, reason, at)] };
  }
  const checked = checkLogo(bytes, file, logoPath, at);
  if (!checked.logo) return { diagnostics: [...loaded.diagnostics, ...checked.diagnostics] };
  return { config, theme: createKitTheme(config, checked.logo), diagnostics: loaded.diagnostics };
}

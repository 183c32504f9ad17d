/**
 * Turns a validated kit.yaml (and its logo, already read and checked) into
 * the {@link Theme} every writer takes.
 *
 * @example
 * const theme = createKitTheme(config, logo);
 */
import { DEFAULT_MARGINS, resolveTheme, type Logo, type Margins, type Theme } from '../theme.js';
import type { KitConfig } from './kit-schema.js';

/** Margins in points from kit.yaml's `margins` (already in points); absent sides keep the default. */
export function resolveMargins(margins: KitConfig['margins']): Margins {
  if (margins === undefined) return DEFAULT_MARGINS;
  if (typeof margins === 'number') return { top: margins, right: margins, bottom: margins, left: margins };
  return {
    top: margins.top ?? DEFAULT_MARGINS.top,
    right: margins.right ?? DEFAULT_MARGINS.right,
    bottom: margins.bottom ?? DEFAULT_MARGINS.bottom,
    left: margins.left ?? DEFAULT_MARGINS.left,
  };
}

/** The theme for `config`; `logo` is the checked image named by `office.logo`. */
export function createKitTheme(config: KitConfig = {}, logo?: Logo): Theme {
  return resolveTheme({
    ...(config.page_size ? { pageSize: config.page_size } : {}),
    margins: resolveMargins(config.margins),
    ...(config.accent ? { accent: config.accent } : {}),
    ...(config.font ? { fontFamily: config.font } : {}),
    ...(config.office
      ? { office: { name: config.office.name, contact: config.office.contact ?? [], ...(logo ? { logo } : {}) } }
      : {}),
  });
}

/**
 * kit.yaml: a career office's branding and print settings.
 *
 * @example
 * const { value, diagnostics } = loadKitConfig(text, 'kit.yaml');
 * const theme = createKitTheme(value, logo);
 */
export { kitConfigSchema, parseLength, isTimeZone, BATCH_FORMATS, type KitConfig, type KitConfigInput } from './kit-schema.js';
export { loadKitConfig, type KitConfigResult } from './load-kit-config.js';
export { loadKitTheme, type KitThemeResult, type LogoReader } from './load-kit-theme.js';
export { createKitTheme, resolveMargins } from './kit-theme.js';
export { checkLogo, detectImageType, logoUnreadable, MAX_LOGO_BYTES } from './logo.js';
export { parseYamlSource, type YamlSource, type Position } from './yaml-source.js';
export { describeIssue, suggestName } from './describe-issue.js';
export { listSchemaFields, keysAt, type SchemaField, type FieldKind } from './schema-fields.js';
export { SAMPLE_KIT_CONFIG_PATH } from './sample.js';

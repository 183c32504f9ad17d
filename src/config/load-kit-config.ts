/**
 * Loads `kit.yaml`: parses it with positions, validates it against
 * {@link kitConfigSchema}, and reports every problem as a positioned diagnostic.
 *
 * @example
 * const { value, diagnostics } = loadKitConfig(text, 'kit.yaml');
 * // kit.yaml:4:9: error: accent is not a colour; write it as #rrggbb, e.g. "#1f4e79" ("blue")
 */
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../load/load-yaml.js';
import { accentContrastWarning, PAGE_SIZES } from '../theme.js';
import { describeIssue } from './describe-issue.js';
import { kitConfigSchema, type KitConfig } from './kit-schema.js';
import { resolveMargins } from './kit-theme.js';
import { keysAt } from './schema-fields.js';
import { parseYamlSource, type Position } from './yaml-source.js';

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
  const source = parseYamlSource(text, file);
  const positionOf = (path: readonly PropertyKey[]) => source.positionOf(path);
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, positionOf };
  const input = source.value ?? {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    diagnostics.push({
      severity: 'error',
      message: `${file} must be a mapping of settings (office:, accent:, page_size: ...), not ${Array.isArray(input) ? 'a list' : 'a single value'}`,
      file,
      ...(source.positionOf([]) ?? { line: 1, column: 1 }),
      hints: ['run `interview-kit init` for a commented sample kit.yaml'],
    });
    return { diagnostics, positionOf };
  }
  const parsed = kitConfigSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const d of describeIssue(issue, input, (p) => keysAt(kitConfigSchema, p))) {
        diagnostics.push({
          severity: 'error',
          message: d.message,
          file,
          ...source.positionOf(d.path, d.isKey ? 'key' : 'value'),
          field: d.field,
          hints: d.hints,
        });
      }
    }
    return { diagnostics: sortDiagnostics(diagnostics), positionOf };
  }
  const config = parsed.data;
  const page = PAGE_SIZES[config.page_size ?? 'letter'];
  const margins = resolveMargins(config.margins);
  const width = page.width - margins.left - margins.right;
  const height = page.height - margins.top - margins.bottom;
  if (width < MIN_TEXT_WIDTH || height < MIN_TEXT_WIDTH) {
    diagnostics.push({
      severity: 'error',
      message: `margins leave too little room on a ${config.page_size ?? 'letter'} page (${Math.round(width)} × ${Math.round(height)} points of text)`,
      file,
      ...source.positionOf(['margins']),
      field: 'margins',
      hints: ['keep at least 3 inches of text width and height; 0.75 inch on each side is usual'],
    });
    return { diagnostics, positionOf };
  }
  const contrast = config.accent === undefined ? undefined : accentContrastWarning(config.accent);
  if (contrast) diagnostics.push({ severity: 'warning', code: 'low-contrast', ...contrast, file, ...source.positionOf(['accent']), field: 'accent' });
  return { value: config, diagnostics, positionOf };
}

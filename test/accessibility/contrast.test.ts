import { describe, expect, it } from 'vitest';
import { oklch } from 'culori';
import { accentContrast, accentContrastWarning, accessibleAccent, contrastRatio, MIN_CONTRAST, resolveTheme } from '../../src/theme.js';
import { createTypography } from '../../src/write/pdf/typography.js';
import { loadKitConfig } from '../../src/load/load-kit-config.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WHITE = '#ffffff';

describe('the colours of the default theme', () => {
  const t = createTypography(resolveTheme());
  const pairs: [string, string, string][] = [
    ['body text on the page', t.body.color, WHITE],
    ['muted text (office contact) on the page', t.colors.muted, WHITE],
    ['the footer on the page', t.footer.color, WHITE],
    ['the header on the page', t.header.color, WHITE],
    ['headings and links on the page', t.colors.accent, WHITE],
    ['H3 on the page', t.headings[3].color, WHITE],
    ['table text on a zebra stripe', t.table.color, t.colors.zebraFill],
    ['table header text on its band', t.colors.accent, t.colors.tableHeaderFill],
    ['callout text on its tint', t.body.color, t.colors.calloutFill],
    ['a link in a callout', t.colors.accent, t.colors.calloutFill],
  ];
  it.each(pairs)('reads at 4.5:1 or better: %s', (_, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });
});

describe('an accent too light to read', () => {
  it('is darkened to the nearest colour that passes, keeping its hue', () => {
    const better = accessibleAccent('#ff9900');
    expect(accentContrast('#ff9900')).toBeLessThan(MIN_CONTRAST);
    expect(accentContrast(better)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    // Nearest: one step lighter would fail.
    const before = oklch(better)!;
    expect(oklch('#ff9900')!.l).toBeGreaterThan(before.l);
    expect(Math.abs(oklch('#ff9900')!.h! - before.h!)).toBeLessThan(6);
    expect(accessibleAccent('#1f4e79')).toBe('#1f4e79');
  });

  it('gets a warning at the accent field of kit.yaml, naming the colour to use', () => {
    const { diagnostics, value } = loadKitConfig('office:\n  name: Career Center\naccent: "#7fb3d5"\n', 'kit.yaml');
    expect(value).toBeDefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'accent', file: 'kit.yaml', line: 3, column: 9, code: 'low-contrast' }),
    ]);
    expect(diagnostics[0]!.hints![0]).toContain(accessibleAccent('#7fb3d5'));
    expect(accentContrastWarning('#1f4e79')).toBeUndefined();
  });

  it('is reported by the command line, which still builds', () => {
    const dir = tempDir('ik-contrast-');
    writeFileSync(join(dir, 'kit.yaml'), 'accent: "#ff9900"\n');
    const run = runCli(['build', 'content/examples/maya.yaml', '-f', 'pdf', '-c', join(dir, 'kit.yaml'), '-o', join(dir, 'out')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/kit\.yaml:1:9: warning: accent "#ff9900" is too light for text/);
    expect(run.stderr).toContain(`"${accessibleAccent('#ff9900')}"`);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLogo } from '../../src/load/check-logo.js';
import { createKitTheme } from '../../src/load/kit-theme.js';
import { loadKitConfig, loadKitTheme } from '../../src/load/load-kit-config.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/config/${name}`, import.meta.url));
const sample = fileURLToPath(new URL('../../content/examples/kit.yaml', import.meta.url));

describe('loadKitConfig', () => {
  it('accepts the commented sample kit.yaml and turns it into a theme', () => {
    const result = loadKitConfig(readFileSync(sample, 'utf8'), 'kit.yaml');
    expect(result.diagnostics).toEqual([]);
    const theme = createKitTheme(result.value);
    expect(theme.pageSize).toBe('letter');
    expect(theme.accent).toBe('#1f4e79');
    expect(theme.margins).toEqual({ top: 54, right: 54, bottom: 54, left: 54 });
    expect(theme.office?.name).toBe('Career Services Office');
    expect(theme.office?.contact.length).toBe(3);
  });

  it('reports every problem of a bad kit.yaml with its line and column (golden)', () => {
    const text = readFileSync(fixture('bad-kit.yaml'), 'utf8');
    const result = loadKitConfig(text, 'bad-kit.yaml');
    expect(result.value).toBeUndefined();
    const actual = result.diagnostics.map(formatDiagnostic).join('\n') + '\n';
    const golden = fixture('bad-kit.errors.txt');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
    }
  });

  it('points an unknown key at the key itself and suggests the close one', () => {
    const result = loadKitConfig('accent: "#112233"\npage_sise: a4\n', 'kit.yaml');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ line: 2, column: 1, field: 'page_sise', hints: ['did you mean "page_size"?'] });
  });

  it('reads margins in inches, points, millimetres and per side', () => {
    const one = loadKitConfig('margins: 1\n', 'kit.yaml');
    expect(createKitTheme(one.value).margins).toEqual({ top: 72, right: 72, bottom: 72, left: 72 });
    const mixed = loadKitConfig('margins: { top: 36pt, left: 25.4mm, right: "0.5in" }\npage_size: a4\n', 'kit.yaml');
    expect(mixed.diagnostics).toEqual([]);
    const theme = createKitTheme(mixed.value);
    expect(theme.pageSize).toBe('a4');
    expect(theme.margins).toEqual({ top: 36, right: 36, bottom: 54, left: 72 });
  });

  it('refuses margins that leave no room for text, on the margins line', () => {
    const result = loadKitConfig('font: noto-serif\nmargins: 2.9in\n', 'kit.yaml');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ line: 2, column: 10, field: 'margins' });
  });

  it('reports YAML syntax errors and duplicate keys with positions', () => {
    const dup = loadKitConfig('office:\n  name: A\n  name: B\n', 'kit.yaml');
    expect(dup.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 3 });
    const syntax = loadKitConfig('office: [a, b\n', 'kit.yaml');
    expect(syntax.diagnostics[0]?.line).toBeGreaterThan(0);
    expect(syntax.value).toBeUndefined();
  });

  it('accepts an empty file, a BOM and CRLF line endings', () => {
    expect(loadKitConfig('', 'kit.yaml').value).toEqual({});
    const result = loadKitConfig('\ufeffpage_size: a4\r\naccent: "#1F4E7A"\r\n', 'kit.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual({ page_size: 'a4', accent: '#1f4e7a' });
  });

  it('refuses a list where the settings mapping belongs', () => {
    const result = loadKitConfig('- office\n', 'kit.yaml');
    expect(result.diagnostics[0]?.message).toBe('the file is a list, but kit.yaml is a mapping of fields');
  });

  it('gives the position of office.logo for problems found after loading', () => {
    const result = loadKitConfig('office:\n  name: X\n  logo: img/seal.png\n', 'kit.yaml');
    expect(result.positionOf(['office', 'logo'])).toEqual({ line: 3, column: 9 });
  });
});

describe('checkLogo', () => {
  it('recognises PNG and JPEG by their header, whatever the name, and refuses other bytes', () => {
    const png = new Uint8Array(readFileSync(fixture('logo.png')));
    const jpeg = new Uint8Array(readFileSync(fixture('logo.jpg')));
    expect(checkLogo(png, 'kit.yaml', 'a.jpg').logo?.type).toBe('png');
    expect(checkLogo(jpeg, 'kit.yaml', 'a.png').logo?.type).toBe('jpeg');
    const gif = new TextEncoder().encode('GIF89a....');
    const bad = checkLogo(gif, 'kit.yaml', 'a.gif', { line: 4, column: 9 });
    expect(bad.logo).toBeUndefined();
    expect(formatDiagnostic(bad.diagnostics[0]!)).toMatch(/^kit\.yaml:4:9: error: office\.logo "a\.gif" is not a PNG or JPEG image/);
  });

  it('refuses a PNG cut short before its size, at load rather than when writing', () => {
    const cut = new Uint8Array(readFileSync(fixture('logo.png'))).slice(0, 12);
    const bad = checkLogo(cut, 'kit.yaml', 'a.png', { line: 4, column: 9 });
    expect(bad.logo).toBeUndefined();
    expect(bad.diagnostics[0]?.message).toBe('office.logo "a.png" is not a PNG or JPEG image');
  });
});

describe('loadKitTheme', () => {
  const png = new Uint8Array(readFileSync(fixture('logo.png')));
  const text = 'office:\n  name: Career Center\n  logo: img/seal.png\nfont: noto-serif\n';

  it('reads the logo through the given reader and puts it in the theme', () => {
    const asked: string[] = [];
    const result = loadKitTheme(text, 'kit.yaml', (path) => {
      asked.push(path);
      return png;
    });
    expect(asked).toEqual(['img/seal.png']);
    expect(result.theme?.office?.logo).toEqual({ bytes: png, type: 'png' });
    expect(result.theme?.fontFamily).toBe('noto-serif');
  });

  it('places a missing logo file on the office.logo line', () => {
    const result = loadKitTheme(text, 'kit.yaml', () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    });
    expect(result.theme).toBeUndefined();
    expect(formatDiagnostic(result.diagnostics[0]!)).toBe(
      'kit.yaml:3:9: error: office.logo "img/seal.png" cannot be read (no such file)\n  hint: the path is relative to the folder that holds kit.yaml',
    );
  });
});

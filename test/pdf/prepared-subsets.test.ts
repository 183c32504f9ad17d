import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeDeflate } from '../../src/cli/native-deflate.js';
import { buildKit } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { writePdf } from '../../src/write/pdf/index.js';
import { recordedSubsets, recordSubsets, usePreparedSubsets, type PreparedSubsets } from '../../src/write/pdf/prepared-subsets.js';
import { bundledGuide, bundledTemplates, exampleInterview, repoRoot } from '../helpers/kit.js';
import { loadNotoFonts, loadSampleTree, run, tempFile } from './pdf-test-kit.js';

const theme = resolveTheme();
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
// Fonts read anew are parsed anew, so the process's own subset cache misses, as in a new process.
const write = (deflate = nativeDeflate) => writePdf(loadSampleTree(), { theme, fonts: loadNotoFonts(), deflate });

/** The subsets recorded so far, as another process would read them, with every subset tag replaced by PREPRD. */
function marked(prepared: PreparedSubsets): PreparedSubsets {
  const subsets = Object.fromEntries(Object.entries(prepared.subsets).map(([key, s]) => [key, { ...s, baseFont: s.baseFont.replace(/^[A-Z]{6}\+/, 'PREPRD+') }]));
  return { ...prepared, subsets };
}

/** The font names pdffonts lists. */
function fontNames(bytes: Uint8Array): string[] {
  return run('pdffonts', [tempFile(bytes)]).stdout.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!);
}

afterEach(() => usePreparedSubsets(undefined));

describe('font subsets prepared ahead of time', () => {
  it('give the same PDF bytes as subsets built in the process', async () => {
    recordSubsets();
    const built = await write();
    const prepared = JSON.parse(JSON.stringify(recordedSubsets())) as PreparedSubsets;
    expect(Object.keys(prepared.subsets).length).toBeGreaterThan(0);
    usePreparedSubsets(() => prepared, nativeDeflate);
    expect(same((await write()).bytes, built.bytes)).toBe(true);
  });

  it('are what the writer embeds', async () => {
    recordSubsets();
    await write();
    usePreparedSubsets(() => marked(recordedSubsets()), nativeDeflate);
    const names = fontNames((await write()).bytes).filter((name) => name.includes('+NotoSans'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^PREPRD\+/);
  });

  it('are built afresh when the prepared file is damaged, with the same bytes', async () => {
    recordSubsets();
    const built = await write();
    const prepared = recordedSubsets();
    const subsets = Object.fromEntries(Object.entries(prepared.subsets).map(([key, s]) => [key, { ...s, fontFile: undefined }]));
    for (const damaged of [{ ...prepared, subsets }, { zlib: prepared.zlib } as unknown as PreparedSubsets]) {
      usePreparedSubsets(() => damaged as unknown as PreparedSubsets, nativeDeflate);
      expect(same((await write()).bytes, built.bytes)).toBe(true);
    }
  });

  it('are not used with another compressor, nor after zlib changed', async () => {
    recordSubsets();
    await write();
    const prepared = marked(recordedSubsets());
    usePreparedSubsets(() => prepared, nativeDeflate);
    expect(fontNames((await write((data) => nativeDeflate(data))).bytes).some((name) => name.startsWith('PREPRD+'))).toBe(false);
    usePreparedSubsets(() => ({ ...prepared, zlib: '0.0.0' }), nativeDeflate);
    expect(fontNames((await write()).bytes).some((name) => name.startsWith('PREPRD+'))).toBe(false);
  });

  it('from the build (dist/font-subsets.json) cover every example, Letter and A4, with the same bytes', async () => {
    const prepared = JSON.parse(readFileSync(join(repoRoot, 'dist', 'font-subsets.json'), 'utf8')) as PreparedSubsets;
    const guide = bundledGuide();
    const renderer = createRenderer(bundledTemplates());
    for (const example of ['maya.yaml', 'minimal.yaml', 'sofia.yaml', 'maya-after.yaml']) {
      for (const pageSize of ['letter', 'a4'] as const) {
        const request = (prepare?: PreparedSubsets) => {
          usePreparedSubsets(prepare && (() => prepare), nativeDeflate);
          const theme = resolveTheme({ pageSize });
          return buildKit({ interview: exampleInterview(example), guide, renderer, theme, fonts: loadNotoFonts(), formats: ['pdf'], timestamp: 0, timezone: 'UTC', deflate: nativeDeflate });
        };
        const built = await request();
        const fromPrepared = await request(prepared);
        const tagged = await request(marked(prepared));
        built.files.forEach((file, i) => {
          const where = `${example} ${pageSize} ${file.name}`;
          expect(same(fromPrepared.files[i]!.bytes, file.bytes), where).toBe(true);
          const names = fontNames(tagged.files[i]!.bytes).filter((name) => name.includes('+NotoSans'));
          expect(names.length, where).toBeGreaterThan(0);
          for (const name of names) expect(name, where).toMatch(/^PREPRD\+/);
        });
      }
    }
  });
});

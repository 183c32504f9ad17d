import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKit } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import type { Root } from '../../src/tree/types.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { forgetBuiltPackages, preparePackages, usePreparedPackages, type PreparedPackages } from '../../src/write/docx/package.js';
import { bundledGuide, bundledTemplates, exampleInterview, repoRoot } from '../helpers/kit.js';
import { loadSampleTree, openDocx, theme } from './docx-helpers.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Starts from nothing: no package built in this process, none prepared. */
function reset(): void {
  forgetBuiltPackages();
  usePreparedPackages(undefined);
}

/** The packages built so far, as another process would read them. */
function handOver(): PreparedPackages {
  return JSON.parse(JSON.stringify(preparePackages())) as PreparedPackages;
}

const orderedFrom = (start: number, title: string): Root => ({
  type: 'root',
  meta: { title, author: 'A', language: 'en-US' },
  children: [
    { type: 'list', ordered: true, start, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: `item ${start}` }] }] }] },
    { type: 'list', ordered: false, start: 1, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'bullet' }] }] }] },
  ],
});

afterEach(reset);

describe('Word packages prepared ahead of time', () => {
  it('give the same bytes as a package docx builds, and nothing is built when one is prepared', async () => {
    reset();
    const built = await writeDocx(loadSampleTree(), { theme: theme() });
    const prepared = handOver();
    expect(Object.keys(prepared.packages)).toHaveLength(1);

    forgetBuiltPackages();
    usePreparedPackages(() => prepared);
    const fromPrepared = await writeDocx(loadSampleTree(), { theme: theme() });
    expect(same(fromPrepared, built)).toBe(true);
    expect(Object.keys(preparePackages().packages)).toHaveLength(0);
  });

  it('are built afresh when the prepared file is damaged, with the same bytes', async () => {
    reset();
    const built = await writeDocx(loadSampleTree(), { theme: theme() });
    const prepared = handOver();
    for (const damaged of [{ ...prepared, texts: prepared.texts.slice(0, 2) }, { texts: [] } as unknown as PreparedPackages]) {
      forgetBuiltPackages();
      usePreparedPackages(() => damaged);
      expect(same(await writeDocx(loadSampleTree(), { theme: theme() }), built)).toBe(true);
    }
  });

  it('are what the writer fills in', async () => {
    reset();
    await writeDocx(loadSampleTree(), { theme: theme() });
    const prepared = handOver();
    const styles = prepared.texts.findIndex((text) => text.includes('<w:docDefaults>'));
    expect(styles).toBeGreaterThanOrEqual(0);
    const texts = [...prepared.texts];
    texts[styles] = texts[styles]!.replace('<w:docDefaults>', '<w:docDefaults><!-- prepared -->');

    forgetBuiltPackages();
    usePreparedPackages(() => ({ ...prepared, texts }));
    const docx = openDocx(await writeDocx(loadSampleTree(), { theme: theme() }));
    expect(docx.text('word/styles.xml')).toContain('<!-- prepared -->');
  });

  it('serve every numbered list whatever its first number: each list instance restarts at its own start', async () => {
    reset();
    const seven = openDocx(await writeDocx(orderedFrom(7, 'Seven'), { theme: theme() }));
    const two = openDocx(await writeDocx(orderedFrom(2, 'Two'), { theme: theme() }));
    expect(Object.keys(preparePackages().packages)).toHaveLength(1);
    for (const [docx, start] of [[seven, 7], [two, 2]] as const) {
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(docx.text('word/document.xml'))![1];
      const num = new RegExp(`<w:num w:numId="${numId}">.*?</w:num>`).exec(docx.text('word/numbering.xml'))![0];
      expect(num).toContain(`<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride>`);
    }
  });

  it('are shared by equal themes whatever their key order, and never between themes with different logos', async () => {
    reset();
    const png = (base64: string) => Uint8Array.from(Buffer.from(base64, 'base64'));
    const red = png('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAAH/8RKLnAAAAABJRU5ErkJggg==');
    const blue = png('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGNgYPgPRAAFAgH/wSuWnwAAAABJRU5ErkJggg==');
    const office = (bytes: Uint8Array) => ({ name: 'Career Center', contact: [], logo: { bytes, type: 'png' as const } });
    const media = async (t: ReturnType<typeof theme>) => {
      const docx = openDocx(await writeDocx(loadSampleTree(), { theme: t }));
      return docx.bytes(docx.names.find((name) => name.startsWith('word/media/'))!);
    };
    expect(same(await media(theme({ office: office(red) })), red)).toBe(true);
    expect(same(await media(theme({ office: office(blue) })), blue)).toBe(true);
    const { pageSize, accent, ...rest } = theme();
    await writeDocx(loadSampleTree(), { theme: { ...rest, accent, pageSize } });
    await writeDocx(loadSampleTree(), { theme: theme() });
    // Two logo themes (left out of preparePackages, which skips binary parts) and one for both plain themes.
    expect(Object.keys(preparePackages().packages)).toHaveLength(1);
  });

  it('are left to be built when the theme has an office logo', async () => {
    reset();
    const logo = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAAH/8RKLnAAAAABJRU5ErkJggg==', 'base64'),
    );
    await writeDocx(loadSampleTree(), { theme: theme({ office: { name: 'Career Center', contact: [], logo: { bytes: logo, type: 'png' } } }) });
    await writeDocx(loadSampleTree(), { theme: theme() });
    expect(Object.keys(preparePackages().packages)).toHaveLength(1);
  });

  it('from the build (dist/docx-packages.json) cover every example packet and question sheet, Letter and A4, with the same bytes', async () => {
    const prepared = JSON.parse(readFileSync(join(repoRoot, 'dist', 'docx-packages.json'), 'utf8')) as PreparedPackages;
    const guide = bundledGuide();
    const renderer = createRenderer(bundledTemplates());
    const fonts = { regular: new Uint8Array(), bold: new Uint8Array(), italic: new Uint8Array(), boldItalic: new Uint8Array() };
    for (const example of ['maya.yaml', 'minimal.yaml', 'sofia.yaml', 'maya-after.yaml']) {
      for (const pageSize of ['letter', 'a4'] as const) {
        const request = { interview: exampleInterview(example), guide, renderer, theme: theme({ pageSize }), fonts, formats: ['docx'] as const, timestamp: 0, timezone: 'UTC' };
        reset();
        usePreparedPackages(() => prepared);
        const fromPrepared = await buildKit(request);
        expect(Object.keys(preparePackages().packages), `${example} ${pageSize}: built a package`).toEqual([]);
        reset();
        const built = await buildKit(request);
        expect(fromPrepared.files.map((f) => f.name)).toEqual(['packet.docx', 'questions.docx']);
        fromPrepared.files.forEach((file, i) => expect(same(file.bytes, built.files[i]!.bytes), `${example} ${pageSize} ${file.name}`).toBe(true));
      }
    }
  });
});

/**
 * Names in every script, through the whole chain: an interview file of
 * test/fixtures/scripts is built by the command line, and the packet is
 * re-opened by real PDF clients (poppler, mupdf).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { built as builtOnce } from '../helpers/built.js';
import { inPairs, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/kit.js';
import { countDarkPixels, decodePng, fonts, build, run, tempFile } from './pdf-test-kit.js';
import { writePdf, type FallbackId } from '../../src/write/pdf/index.js';
import { resolveTheme } from '../../src/theme.js';
import { loadFallbackFace } from '../../src/node/assets.js';


/** Each fixture, the fallback face its name needs (as pdffonts names it). */
const SCRIPTS: Record<string, string> = {
  chinese: 'NotoSansSC-Regular',
  japanese: 'NotoSansSC-Regular',
  korean: 'NotoSansKR-Regular',
  arabic: 'NotoSansArabic-Regular',
  hebrew: 'NotoSansHebrew-Regular',
  devanagari: 'NotoSansDevanagari-Regular',
  thai: 'NotoSansThai-Regular',
};
const FALLBACK_FACES = /NotoSans(SC|KR|Arabic|Hebrew|Devanagari|Thai)-/;

interface Built {
  readonly name: string;
  readonly pdf: string;
  readonly stderr: string;
}

const built = new Map<string, Built>();

/** Builds `file` (relative to the repository root), sharing the outputs with pdf-ua.test.ts, which builds the same. */
async function buildPacket(file: string): Promise<Built> {
  const cli = await builtOnce(['build', file, '--format', 'pdf']);
  expect(cli.status, cli.stderr).toBe(0);
  const [folder] = readdirSync(cli.out);
  const name = (parseYaml(readFileSync(join(repoRoot, file), 'utf8')) as { student: { name: string } }).student.name;
  return { name, pdf: join(cli.out, folder!, 'packet.pdf'), stderr: cli.stderr };
}

beforeAll(async () => {
  const files = { ...Object.fromEntries(Object.keys(SCRIPTS).map((script) => [script, `test/fixtures/scripts/${script}.yaml`])), latin: 'content/examples/minimal.yaml' };
  await inPairs(Object.entries(files).map(([key, file]) => async () => built.set(key, await buildPacket(file))));
}, 120_000);

/** Base font names pdffonts lists, without subset tags. */
function fontNames(pdf: string): string[] {
  return run('pdffonts', [pdf])
    .stdout.split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

describe.each(Object.entries(SCRIPTS))('a packet for a student whose name is %s', (script, face) => {
  it('keeps the name in the text layer, in reading order', () => {
    const { pdf, name } = built.get(script)!;
    const text = run('pdftotext', ['-l', '1', pdf, '-']).stdout.normalize('NFC');
    expect(text).toContain(name.normalize('NFC'));
    expect(text).not.toMatch(/Prep packet for\s*,/);
  });

  it('embeds the fallback face of its script, and no other', () => {
    const { pdf, stderr } = built.get(script)!;
    const names = fontNames(pdf);
    expect(names).toContain(face);
    expect(names.filter((n) => FALLBACK_FACES.test(n) && n !== face)).toEqual([]);
    expect(stderr).not.toMatch(/cannot draw/);
  });

  it('renders every glyph (mupdf) and puts ink where the name is (pdftoppm)', () => {
    const { pdf } = built.get(script)!;
    const mutool = run('mutool', ['draw', '-o', '/dev/null', pdf]);
    expect(mutool.stderr).not.toMatch(/cannot render glyph|error/i);

    // The name follows "Prep packet for" on page 1: its box runs from the end of "for" to the comma's word.
    const layout = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']).stdout;
    const wordBoxes = [...layout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      word: m[5]!,
    }));
    const forIndex = wordBoxes.findIndex((w, i) => w.word === 'for' && wordBoxes[i - 1]?.word === 'packet');
    const forBox = wordBoxes[forIndex]!;
    const nextLatin = wordBoxes.slice(forIndex + 1).find((w) => w.word.includes('M.A.'))!;
    expect(nextLatin.x0).toBeGreaterThan(forBox.x1 + 10);
    const dir = tempDir('ik-scripts-png-');
    run('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
    const png = decodePng(readFileSync(join(dir, 'page.png')));
    const area = { x: forBox.x1 + 3, y: forBox.y0, width: nextLatin.x0 - forBox.x1 - 8, height: forBox.y1 - forBox.y0 };
    expect(countDarkPixels(png, area)).toBeGreaterThan(area.width * area.height * 0.08);
  });
});

describe('an Arabic name inside an English sentence', () => {
  it('keeps the sentence and the name, each in its own order', () => {
    const text = run('pdftotext', ['-l', '1', built.get('arabic')!.pdf, '-']).stdout;
    const line = text.split('\n').find((l) => l.includes('my mentor'))!;
    expect(line).toMatch(/Two years as a trainer; my mentor .*محمد علي.*taught me/);
  });
});

describe('a Latin-only packet', () => {
  it('embeds no fallback face', () => {
    const { pdf, stderr } = built.get('latin')!;
    expect(fontNames(pdf).filter((n) => FALLBACK_FACES.test(n))).toEqual([]);
    expect(stderr).not.toMatch(/warning/);
  });
});

describe('fallback faces in writePdf', () => {
  const theme = resolveTheme();
  /** The CLI's loader, recording which faces are asked for. */
  function recordingLoader(): { asked: FallbackId[]; load: (id: FallbackId) => Promise<Uint8Array | undefined> } {
    const asked: FallbackId[] = [];
    return { asked, load: (id) => (asked.push(id), loadFallbackFace(id)) };
  }

  it('asks for no fallback face when the text is Latin, Greek and Cyrillic', async () => {
    const loader = recordingLoader();
    const tree = build.root([build.paragraph('Maya Patel, Μαρία Παπαδοπούλου, Мария Иванова — “quoted” ✓')]);
    await writePdf(tree, { theme, fonts: { ...fonts, loadFallback: loader.load } });
    expect(loader.asked).toEqual([]);
  });

  it('asks only for the faces of the scripts the text has', async () => {
    const loader = recordingLoader();
    const tree = build.root([build.paragraph('Meeting with 김민준 and محمد أحمد.')]);
    const written = await writePdf(tree, { theme, fonts: { ...fonts, loadFallback: loader.load } });
    expect(loader.asked.sort()).toEqual(['arabic', 'korean']);
    expect(written.warnings).toEqual([]);
  });

  it('gives every letter its own text when a dotted letter shares its base glyph with another', async () => {
    // زهراء and رهراء share a base glyph (zain is reh plus a dot mark); so do
    // feh, khah and yeh with their dotless forms.
    const names = ['فاطمة الزهراء', 'رزان الخطيب', 'يوسف حداد'];
    const tree = build.root(names.map((name) => build.paragraph(`Mentor: \u2068${name}\u2069`)));
    const written = await writePdf(tree, { theme, fonts: { ...fonts, loadFallback: loadFallbackFace } });
    const text = run('pdftotext', [tempFile(written.bytes), '-']).stdout.replace(/[\u202a-\u202e]/g, '');
    for (const name of names) expect(text).toContain(name);
  });

  it('never draws the directional isolates around a value, and keeps both orders right', async () => {
    const tree = build.root([build.paragraph('Prep packet for \u2068محمد أحمد\u2069, M.A. (2026)')]);
    const written = await writePdf(tree, { theme, fonts: { ...fonts, loadFallback: loadFallbackFace } });
    const text = run('pdftotext', [tempFile(written.bytes), '-']).stdout;
    expect(text).toContain('Prep packet for');
    expect(text).toContain('محمد أحمد');
    expect(text).toContain(', M.A. (2026)');
    expect(text).not.toMatch(/[\u2066-\u2069]/);
  });

  it('keeps the vowel points of pointed Hebrew in the text layer', async () => {
    const name = 'דָּנָה לֵוִי';
    const tree = build.root([build.paragraph(`Name: ${name}, M.A.`)]);
    const written = await writePdf(tree, { theme, fonts: { ...fonts, loadFallback: loadFallbackFace } });
    const text = run('pdftotext', [tempFile(written.bytes), '-']).stdout;
    // poppler puts each point before its letter when it turns right-to-left text back into reading order.
    const withoutMarks = (s: string) => s.replace(/\p{M}/gu, '');
    const marks = (s: string) => [...s.matchAll(/\p{M}/gu)].map((m) => m[0]).sort();
    expect(withoutMarks(text)).toContain(withoutMarks(name));
    expect(marks(text)).toEqual(marks(name));
  });

  it('still warns, naming them, about characters no bundled face has', async () => {
    const tree = build.root([build.paragraph('Sam 🦊 Lee, 陈美玲')], 'Prep packet');
    const written = await writePdf(tree, { theme, fonts: { ...fonts, loadFallback: loadFallbackFace } });
    expect(written.warnings.map((w) => w.message)).toEqual([
      'the bundled font cannot draw 1 character (🦊, emoji) in "Prep packet"; they will print as empty boxes',
    ]);
  });

  it('gives the same bytes for the same input', async () => {
    const tree = build.root([build.heading(1, 'ישראל ישראלי · 山田花子 · प्रिया')]);
    const options = { theme, fonts: { ...fonts, loadFallback: loadFallbackFace }, timestamp: 1764547200 };
    const a = await writePdf(tree, options);
    const b = await writePdf(tree, options);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

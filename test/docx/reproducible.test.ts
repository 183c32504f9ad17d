import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/write/docx/index.js';
import { openDocx, theme } from './docx-helpers.js';
import { interview, kitTrees } from './real-documents.js';

const loadSampleTree = () => kitTrees(interview('maya.yaml')).packet;

const LOGO_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAAH/8RKLnAAAAABJRU5ErkJggg==', 'base64'),
);
const office = { name: 'Career Center', contact: [], logo: { bytes: LOGO_PNG, type: 'png' as const } };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The central directory of a zip, in order: name, DOS time and date of each entry. */
function zipEntries(bytes: Uint8Array): { name: string; time: number; date: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record (no comment) closes the file.
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const out: { name: string; time: number; date: number }[] = [];
  let offset = view.getUint32(end + 16, true);
  while (view.getUint32(offset, true) === 0x02014b50) {
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    out.push({ name, time: view.getUint16(offset + 12, true), date: view.getUint16(offset + 14, true) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  expect(out.length).toBe(view.getUint16(end + 10, true));
  return out;
}

describe('reproducible DOCX bytes', () => {
  it('gives byte-identical output when the same tree is built twice', async () => {
    const first = await writeDocx(loadSampleTree(), { theme: theme({ office }) });
    const second = await writeDocx(loadSampleTree(), { theme: theme({ office }) });
    expect(sha256(second)).toBe(sha256(first));
  });

  it('gives the same bytes in another process, in another time zone', async () => {
    const script = fileURLToPath(new URL('./build-sample.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, TZ: process.env.TZ === 'Pacific/Auckland' ? 'America/Los_Angeles' : 'Pacific/Auckland' },
    });
    const here = await writeDocx(loadSampleTree(), { theme: theme() });
    expect(stdout).toBe(sha256(here));
  }, 30_000);

  it('writes the document date without milliseconds, 2000-01-01 when no timestamp is given', async () => {
    const core = openDocx(await writeDocx(loadSampleTree(), { theme: theme() })).text('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>');
  });

  it('writes the given timestamp as the creation and modification date and changes nothing else', async () => {
    const fixed = openDocx(await writeDocx(loadSampleTree(), { theme: theme() }));
    const dated = openDocx(await writeDocx(loadSampleTree(), { theme: theme(), timestamp: 1767268800 }));
    const core = dated.text('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T12:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T12:00:00Z</dcterms:modified>');
    expect(dated.names).toEqual(fixed.names);
    for (const name of fixed.names) {
      if (name !== 'docProps/core.xml') expect(dated.bytes(name), name).toEqual(fixed.bytes(name));
    }
  });

  it('stores [Content_Types].xml first and stamps every entry with the same fixed time', async () => {
    const entries = zipEntries(await writeDocx(loadSampleTree(), { theme: theme({ office }) }));
    expect(entries.length).toBeGreaterThan(10);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    // 1980-01-01 12:00 in DOS format: date (0 << 9) | (1 << 5) | 1, time 12 << 11.
    for (const entry of entries) expect({ name: entry.name, time: entry.time, date: entry.date }).toEqual({ name: entry.name, time: 12 << 11, date: 33 });
    const rest = entries.slice(1).map((entry) => entry.name);
    expect(rest).toEqual([...rest].sort());
  });

  it('names hyperlink relationships and drawings by position, not by random ids', async () => {
    const docx = openDocx(await writeDocx(loadSampleTree(), { theme: theme({ office }) }));
    const rels = docx.text('word/_rels/document.xml.rels');
    const ids = [...rels.matchAll(/ Id="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of ids) expect(id).toMatch(/^rId(\d+|Link\d+)$/);
    expect(docx.text('word/header1.xml')).toContain('<wp:docPr id="1"');
  });
});

describe('the zip container', () => {
  it('passes a zip integrity check by another implementation (Python zipfile)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'ik-zip-')), 'sample.docx');
    writeFileSync(file, await writeDocx(loadSampleTree(), { theme: theme({ office }) }));
    const out = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip() or "ok", len(z.namelist()))', file], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^ok \d+$/);
  });
});

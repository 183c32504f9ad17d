/**
 * Fuzzing every input in process, seeded: kit.yaml with its logo, CSV and
 * YAML rosters, a previous batch's manifest, filled question sheets and
 * templates are mutated, and each must load or be refused with diagnostics,
 * never throw anything else. What is accepted must go through the writers:
 * an accepted logo is embedded by pdf-lib (a logo the check lets through
 * must never hang or crash the PDF writer). FUZZ_RUNS=2000 runs longer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/batch/roster.js';
import { encodeManifest, readManifest } from '../../src/batch/manifest.js';
import { readFontSet } from '../../src/node/assets.js';
import { formatDiagnostic, InputError, type Diagnostic } from '../../src/diagnostics.js';
import { checkLogo } from '../../src/load/check-logo.js';
import { loadKitTheme } from '../../src/load/load-kit-config.js';
import { NotesPdfError, readNotesFromPdf } from '../../src/load/read-filled-pdf.js';
import { buildDocuments } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { FUZZ_SEED, FUZZ_TIMEOUT, fuzzRuns, int, mutateBytes, mutateText, pick, random } from '../helpers/fuzz.js';
import { bundledGuide, bundledTemplates, exampleInterview, repoRoot } from '../helpers/kit.js';

const examples = join(repoRoot, 'content', 'examples');
const logos = ['logo.png', 'logo.jpg'].map((n) => new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures/config', n))));
const kitText = readFileSync(join(examples, 'kit.yaml'), 'utf8').replace('# logo: logo.png', 'logo: logo.png');

/** A diagnostic fit to answer bad input: a message without "undefined" or "[object Object]", and a file. */
function expectSound(d: Diagnostic, where: string): void {
  const text = formatDiagnostic(d);
  expect(d.message, where).toBeTruthy();
  expect(text.replace(/"[^"\n]*"/g, ''), where).not.toMatch(/undefined|\[object Object\]|NaN/);
}

/** Embeds an accepted logo as the PDF writer does: must neither throw nor hang. */
async function embed(bytes: Uint8Array, type: 'png' | 'jpeg'): Promise<void> {
  const doc = await PDFDocument.create();
  await (type === 'png' ? doc.embedPng(bytes) : doc.embedJpg(bytes));
}

describe('fuzzing every input', () => {
  it('kit.yaml and its logo: a theme whose logo pdf-lib embeds, or positioned errors', async () => {
    const r = random(FUZZ_SEED);
    for (let n = 0; n < fuzzRuns(300); n++) {
      let text = kitText;
      for (let s = 1 + int(r, 3); s > 0; s--) text = mutateText(text, r);
      let logo: Uint8Array = pick(r, logos);
      for (let s = int(r, 4); s > 0; s--) logo = mutateBytes(logo, r);
      const where = `case ${n}:\n${text}`;
      const result = loadKitTheme(text, 'kit.yaml', () => logo);
      for (const d of result.diagnostics) expectSound(d, where);
      if (result.theme?.office?.logo) await embed(result.theme.office.logo.bytes, result.theme.office.logo.type);
      else if (!result.theme) expect(result.diagnostics.some((d) => d.severity === 'error' && d.line! > 0), where).toBe(true);
    }
  }, FUZZ_TIMEOUT);

  it('logo bytes: refused with a reason, or embedded by pdf-lib', async () => {
    const r = random(FUZZ_SEED + 1);
    let accepted = 0;
    for (let n = 0; n < fuzzRuns(400); n++) {
      let bytes: Uint8Array = pick(r, logos);
      for (let s = 1 + int(r, 3); s > 0; s--) bytes = mutateBytes(bytes, r);
      const checked = checkLogo(bytes, 'kit.yaml', 'logo.png', { line: 3, column: 9 });
      if (checked.logo) {
        accepted++;
        await embed(checked.logo.bytes, checked.logo.type).catch((error: unknown) => {
          throw new Error(`case ${n}: an accepted logo failed in pdf-lib: ${String(error)}`);
        });
      } else expect(checked.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 9 });
    }
    expect(accepted).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);

  it('CSV and YAML rosters: every row an interview or errors with its row', () => {
    const r = random(FUZZ_SEED + 2);
    const rosters = [
      ['roster.csv', readFileSync(join(examples, 'roster.csv'), 'utf8')],
      ['roster.yaml', readFileSync(join(examples, 'roster.yaml'), 'utf8')],
    ] as const;
    for (let n = 0; n < fuzzRuns(300); n++) {
      const [name, original] = pick(r, rosters);
      let text = original;
      for (let s = 1 + int(r, 3); s > 0; s--) text = mutateText(text, r);
      const where = `case ${n} (${name}):\n${text.slice(0, 1500)}`;
      const roster = parseRoster(text, name);
      for (const d of roster.diagnostics) expectSound(d, where);
      for (const row of roster.rows) {
        expect(row.row, where).toBeGreaterThan(0);
        if (!row.interview) expect(row.errors.length, where).toBeGreaterThan(0);
        for (const e of row.errors) expectSound(e, where);
      }
    }
  }, FUZZ_TIMEOUT);

  it('a previous manifest: usable, or a problem named, never a crash', () => {
    const r = random(FUZZ_SEED + 3);
    const sha = 'a'.repeat(64);
    const file = { path: 'maya-patel/packet.pdf', student: 'Maya Patel', pages: 3, bytes: 1000, sha256: sha };
    const original = new TextDecoder().decode(
      encodeManifest({
        version: 1,
        tool: 'interview-kit 0.1.0',
        roster: 'night.csv',
        rows: [{ row: 2, student: 'Maya Patel', folder: 'maya-patel', inputHash: sha, files: [file], print: [{ path: file.path, firstPage: 1, lastPage: 3, blankAfter: true }] }],
        print: { path: 'print.pdf', pages: 4, bytes: 2000, sha256: sha, duplex: true, key: sha },
        files: [file],
      }),
    );
    expect(readManifest(original)?.manifest).toBeDefined();
    for (let n = 0; n < fuzzRuns(400); n++) {
      let text = original;
      for (let s = 1 + int(r, 3); s > 0; s--) text = mutateText(text, r);
      const read = readManifest(text)!;
      if (read.manifest) {
        for (const row of read.manifest.rows) for (const f of row.files) expect(f.path.startsWith(`${row.folder}/`)).toBe(true);
        for (const f of read.manifest.files) expect(f.path.split('/')).not.toContain('..');
      } else expect(read.problem, text).toBeTruthy();
    }
  }, FUZZ_TIMEOUT);

  it('filled question sheets: notes, or one NotesPdfError', async () => {
    const r = random(FUZZ_SEED + 4);
    const { files } = await buildDocuments([{ kind: 'kit', interview: exampleInterview('maya.yaml'), formats: ['pdf'], documents: ['questions'] }], {
      guide: bundledGuide(),
      renderer: createRenderer(bundledTemplates()),
      theme: resolveTheme(),
      fonts: readFontSet('noto-sans'),
      timestamp: 0,
    });
    const sheet = files[0]!.bytes;
    let read = 0;
    for (let n = 0; n < fuzzRuns(40); n++) {
      let bytes = sheet;
      for (let s = 1 + int(r, 4); s > 0; s--) bytes = mutateBytes(bytes, r);
      try {
        await readNotesFromPdf(bytes);
        read++;
      } catch (error) {
        if (!(error instanceof NotesPdfError)) throw new Error(`case ${n}: ${String(error)}`);
      }
    }
    expect(read).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);

  it('templates: a kit, or template errors with their file and line', async () => {
    const r = random(FUZZ_SEED + 5);
    const set = bundledTemplates();
    const interview = exampleInterview('maya.yaml');
    const guide = bundledGuide();
    for (let n = 0; n < fuzzRuns(60); n++) {
      const name = pick(r, ['packet', 'questions']);
      let source = set.templates[name]!.source;
      for (let s = 1 + int(r, 3); s > 0; s--) source = mutateText(source, r);
      const mutated = { ...set, templates: { ...set.templates, [name]: { ...set.templates[name]!, source } } };
      try {
        const renderer = createRenderer(mutated);
        await buildDocuments([{ kind: 'kit', interview, formats: ['md'] }], { guide, renderer, theme: resolveTheme(), timestamp: 0 });
      } catch (error) {
        if (!(error instanceof InputError)) throw new Error(`case ${n}: ${String(error)}\n${source.slice(0, 1000)}`);
        for (const d of error.diagnostics) expectSound(d, `case ${n}`);
      }
    }
  }, FUZZ_TIMEOUT);
});

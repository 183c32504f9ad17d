import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';

const MAYA = 'content/examples/maya.yaml';

describe('nothing the user made is overwritten', () => {
  it('rebuilds over its own unchanged files, and records them in .interview-kit.json', async () => {
    const out = tempDir('ik-keep-');
    expect((await runCliAsync(['build', MAYA, '-o', out, '-f', 'docx,md'])).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'maya-patel/.interview-kit.json'), 'utf8'));
    expect(Object.keys(manifest.files).sort()).toEqual(['packet.docx', 'packet.md', 'questions.docx', 'questions.md']);
    writeFileSync(join(out, 'maya.yaml'), readFileSync(MAYA, 'utf8').replace('Acme Health', 'Acme Care'));
    const again = await runCliAsync(['build', join(out, 'maya.yaml'), '-o', out, '-f', 'docx,md']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(join(out, 'maya-patel/packet.md'), 'utf8')).toContain('Acme Care');
  });

  it('refuses to replace a DOCX the student edited, naming it, and keeps their edit; --force replaces it', async () => {
    const out = tempDir('ik-keep-');
    await runCliAsync(['build', MAYA, '-o', out, '-f', 'docx,md']);
    const docx = join(out, 'maya-patel/packet.docx');
    writeFileSync(docx, 'my own notes');
    writeFileSync(join(out, 'maya.yaml'), readFileSync(MAYA, 'utf8').replace('Acme Health', 'Acme Care'));
    const run = await runCliAsync(['build', join(out, 'maya.yaml'), '-o', out, '-f', 'docx,md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('packet.docx changed since interview-kit wrote it');
    expect(run.stderr).toContain('--force');
    expect(readFileSync(docx, 'utf8')).toBe('my own notes');
    // All or nothing: the other files were not replaced either.
    expect(readFileSync(join(out, 'maya-patel/packet.md'), 'utf8')).toContain('Acme Health');
    const forced = await runCliAsync(['build', join(out, 'maya.yaml'), '-o', out, '-f', 'docx,md', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses to replace a file it did not write', async () => {
    const out = tempDir('ik-keep-');
    const folder = join(out, 'maya-patel');
    await runCliAsync(['build', MAYA, '-o', out, '-f', 'md']);
    writeFileSync(join(folder, 'thank-you.docx'), 'a letter I wrote myself');
    const run = await runCliAsync(['thank-you', MAYA, '-o', out, '-f', 'docx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('thank-you.docx was not written by interview-kit');
    expect(readFileSync(join(folder, 'thank-you.docx'), 'utf8')).toBe('a letter I wrote myself');
  });

  it('gives a clear error for a read-only file', async () => {
    const out = tempDir('ik-keep-');
    await runCliAsync(['build', MAYA, '-o', out, '-f', 'md']);
    const md = join(out, 'maya-patel/packet.md');
    writeFileSync(join(out, 'maya.yaml'), readFileSync(MAYA, 'utf8').replace('Acme Health', 'Acme Care'));
    chmodSync(md, 0o444);
    const run = await runCliAsync(['build', join(out, 'maya.yaml'), '-o', out, '-f', 'md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('packet.md is read-only');
    expect(existsSync(md)).toBe(true);
    expect(readFileSync(md, 'utf8')).toContain('Acme Health');
  });
});

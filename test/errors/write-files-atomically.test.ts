import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { OutputFolderError, readInputFile, writeFilesAtomically } from '../../src/cli/io/index.js';

const enc = new TextEncoder();
const tempDir = () => mkdtempSync(join(tmpdir(), 'ik-io-'));

/** Every file under `dir`, relative, sorted (temporary files included: they start with a dot). */
function listAll(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listAll(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe('writeFilesAtomically', () => {
  it('writes every file, creating folders, and leaves no temporary files', async () => {
    const dir = join(tempDir(), 'out', 'maya-patel');
    const written = await writeFilesAtomically(dir, [
      { name: 'packet.pdf', bytes: enc.encode('%PDF new') },
      { name: 'extra/notes.txt', bytes: enc.encode('notes') },
    ]);
    expect(written).toEqual([join(dir, 'packet.pdf'), join(dir, 'extra', 'notes.txt')]);
    expect(listAll(dir)).toEqual(['extra/notes.txt', 'packet.pdf']);
    expect(readFileSync(join(dir, 'packet.pdf'), 'utf8')).toBe('%PDF new');
  });

  it('replaces previous files only when all new ones are complete', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'packet.pdf'), 'old packet');
    await writeFilesAtomically(dir, [{ name: 'packet.pdf', bytes: enc.encode('new packet') }]);
    expect(readFileSync(join(dir, 'packet.pdf'), 'utf8')).toBe('new packet');
  });

  it('leaves the previous files and no temporary files when a write fails midway', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'packet.pdf'), 'old packet');
    writeFileSync(join(dir, 'questions.pdf'), 'old questions');
    const tooLong = `${'q'.repeat(300)}.pdf`; // longer than any file system allows
    await expect(
      writeFilesAtomically(dir, [
        { name: 'packet.pdf', bytes: enc.encode('new packet') },
        { name: tooLong, bytes: enc.encode('new questions') },
      ]),
    ).rejects.toBeInstanceOf(OutputFolderError);
    expect(listAll(dir)).toEqual(['packet.pdf', 'questions.pdf']);
    expect(readFileSync(join(dir, 'packet.pdf'), 'utf8')).toBe('old packet');
  });

  it('reports an output folder that cannot be created, naming it, as bad input (exit 2)', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'out'), 'a file where the folder should be');
    const error = await writeFilesAtomically(join(base, 'out', 'maya-patel'), [{ name: 'packet.pdf', bytes: enc.encode('x') }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputFolderError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostics[0]!.message).toBe(
      `cannot write to the output folder ${join(base, 'out', 'maya-patel')}: a file with that name is in the way`,
    );
  });

  it('refuses to replace a folder that has the name of an output file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'packet.pdf'));
    await expect(writeFilesAtomically(dir, [{ name: 'packet.pdf', bytes: enc.encode('x') }])).rejects.toThrow(/packet\.pdf is a folder there/);
  });

  it('refuses file names that would leave the output folder', async () => {
    const dir = tempDir();
    await expect(writeFilesAtomically(join(dir, 'out'), [{ name: '../escape.txt', bytes: enc.encode('x') }])).rejects.toThrow(/inside the output folder/);
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
  });

  it('removes its temporary files and keeps the previous files when interrupted with Ctrl-C', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'packet.pdf'), 'old packet');
    writeFileSync(join(out, 'questions.pdf'), 'old questions');
    const module = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'cli', 'io', 'index.ts')).href;
    const child = join(dir, 'child.mts');
    writeFileSync(
      child,
      `import { writeFilesAtomically } from ${JSON.stringify(module)};
setInterval(() => {}, 1000);
await writeFilesAtomically(${JSON.stringify(out)}, [
  { name: 'packet.pdf', bytes: new TextEncoder().encode('new packet') },
  { name: 'questions.pdf', bytes: new TextEncoder().encode('new questions') },
], { onProgress: (n) => { if (n === 1) { process.stdout.write('paused\\n'); return new Promise(() => {}); } } });
`,
    );
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('paused')) resolve();
      });
      proc.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
    });
    // Mid-build: one complete temporary file exists next to the old files.
    expect(listAll(out)).toEqual([`.packet.pdf.${proc.pid}.tmp`, 'packet.pdf', 'questions.pdf']);
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    proc.kill('SIGINT');
    const { code, signal } = await exit;
    expect(signal ?? code).not.toBe(0);
    expect(listAll(out)).toEqual(['packet.pdf', 'questions.pdf']);
    expect(readFileSync(join(out, 'packet.pdf'), 'utf8')).toBe('old packet');
    expect(readFileSync(join(out, 'questions.pdf'), 'utf8')).toBe('old questions');
  });
});

describe('readInputFile', () => {
  it('reads UTF-8 text', () => {
    const file = join(tempDir(), 'maya.yaml');
    writeFileSync(file, 'student:\n  name: José\n');
    expect(readInputFile(file)).toBe('student:\n  name: José\n');
  });

  it('reads a UTF-16 file saved by a Windows editor', () => {
    const file = join(tempDir(), 'maya.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('student:\r\n  name: José\r\n', 'utf16le')]));
    expect(readInputFile(file)).toBe('student:\r\n  name: José\r\n');
  });

  it('names a path that does not exist and suggests a close one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'maya.yaml'), 'x');
    const error = (() => {
      try {
        readInputFile(join(dir, 'mya.yaml'));
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.diagnostics[0]).toMatchObject({ file: join(dir, 'mya.yaml'), message: 'no such file', hints: [`did you mean ${join(dir, 'maya.yaml')}?`] });
  });

  it('says when the path is a folder and points at a file inside it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'interview.yaml'), 'x');
    expect(() => readInputFile(dir)).toThrow(InputError);
    try {
      readInputFile(dir);
    } catch (e) {
      expect((e as InputError).diagnostics[0]).toMatchObject({ message: 'this is a folder, not a file', hints: [`give one of its files, e.g. ${join(dir, 'interview.yaml')}`] });
    }
  });

  it('refuses a file of several megabytes before reading it', () => {
    const file = join(tempDir(), 'huge.yaml');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x61));
    try {
      readInputFile(file);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).diagnostics[0]!.message).toBe('file is 3.1 MB; an interview file should be a few KB (the limit is 1.0 MB)');
    }
  });

  it('refuses a device such as /dev/zero instead of reading forever', () => {
    expect(() => readInputFile('/dev/zero')).toThrow(/not a regular file/);
  });
});

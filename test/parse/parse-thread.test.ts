/**
 * The parse thread (src/parse/parse-worker.ts, bundled as dist/parse-worker.cjs)
 * and its client: the trees it returns are parseMarkdown's, and the client
 * parses in this thread whenever the thread cannot.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeDeflate } from '../../src/cli/native-deflate.js';
import { threadParser } from '../../src/cli/parse-client.js';
import { buildKit } from '../../src/pipeline.js';
import { renderKitMarkdown } from '../../src/kits/build-documents.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { bundledGuide, bundledTemplates, exampleInterview, repoRoot } from '../helpers/kit.js';

const workerFile = join(repoRoot, 'dist', 'parse-worker.cjs');
const threads: Worker[] = [];

/** The bundled parse thread, started as bin/interview-kit.js starts it (without the code cache). */
function startParseThread(options: { sampleFile?: string } = {}): Worker {
  const thread = new Worker("const { workerData } = require('node:worker_threads'); require(workerData.file).start(workerData);", {
    eval: true,
    workerData: { file: workerFile, parse: true, ...options },
  });
  threads.push(thread);
  return thread;
}

afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
});

function exampleMarkdown(): { name: string; markdown: string; meta: Parameters<typeof parseMarkdown>[1] }[] {
  return renderKitMarkdown(exampleInterview('maya.yaml'), bundledGuide(), createRenderer(bundledTemplates()), undefined, { timezone: 'UTC' }).documents;
}

describe('the parse thread', () => {
  it("returns parseMarkdown's trees for the packet, the question sheet and Markdown-looking data", async () => {
    const parse = threadParser(startParseThread({ sampleFile: join(repoRoot, 'dist', 'parse-sample.md') }));
    const tricky = '# Eve \\*\\*Bold\\*\\*\n\n- [ ] Bring a pen {#pen}\n\n[x](javascript:alert(1)) and [y](https://acme.example)\n\n:::lines 3 #notes\n\n:::pagebreak\n';
    const documents = [...exampleMarkdown(), { name: 'tricky', markdown: tricky, meta: { title: 'T', author: 'A', language: 'en-US' } }];
    const trees = await Promise.all(documents.map((d) => parse(d.markdown, d.meta)));
    documents.forEach((d, i) => expect(trees[i], d.name).toEqual(parseMarkdown(d.markdown, d.meta)));
  });

  it('lets the process exit while nothing is out, and keeps it alive while a document is', () => {
    // A process whose parse thread is never asked (a usage error, --help) must still end.
    const script = (parse: boolean) => `
      const { Worker } = require('node:worker_threads');
      const thread = new Worker("const { workerData } = require('node:worker_threads'); require(workerData.file).start(workerData);", { eval: true, workerData: ${JSON.stringify({ file: workerFile, parse: true })} });
      thread.unref();
      import(${JSON.stringify(join(repoRoot, 'src', 'cli', 'parse-client.ts'))}).then(({ threadParser }) => {
        const parse = threadParser(thread);
        ${parse ? "parse('# Done', { title: 'T', author: 'A', language: 'en-US' }).then((tree) => console.log(tree.children[0].children[0].value));" : ''}
      });`;
    for (const parse of [false, true]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script(parse)], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(parse ? 'Done' : '');
    }
  });

  it('parses in this thread once the thread has stopped', async () => {
    const thread = startParseThread();
    const parse = threadParser(thread);
    await thread.terminate();
    await new Promise((resolve) => setImmediate(resolve));
    const [doc] = exampleMarkdown();
    expect(await parse(doc!.markdown, doc!.meta)).toEqual(parseMarkdown(doc!.markdown, doc!.meta));
  });

  it('parses in this thread when the thread fails to start (a missing or broken bundle)', async () => {
    const broken = new Worker("throw new Error('cannot find dist/parse-worker.cjs')", { eval: true, stderr: true });
    threads.push(broken);
    broken.on('error', () => {});
    const [doc] = exampleMarkdown();
    expect(await threadParser(broken)(doc!.markdown, doc!.meta)).toEqual(parseMarkdown(doc!.markdown, doc!.meta));
  });

  it('parses again in this thread a document the thread could not parse', async () => {
    const failing = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', ({ id }) => parentPort.postMessage({ id, error: 'out of memory' }));", { eval: true });
    threads.push(failing);
    const [doc] = exampleMarkdown();
    expect(await threadParser(failing)(doc!.markdown, doc!.meta)).toEqual(parseMarkdown(doc!.markdown, doc!.meta));
  });

  it('gives the command line the same files as the pipeline parsing in one thread', async () => {
    const out = tempDir();
    expect(runCli(['build', 'content/examples/maya.yaml', '--out', out, '--format', 'pdf,docx', '--timezone', 'UTC'], { SOURCE_DATE_EPOCH: '1764547200' }).status).toBe(0);
    const fontDir = join(repoRoot, 'node_modules', '@expo-google-fonts', 'noto-sans');
    const face = (w: string) => new Uint8Array(readFileSync(join(fontDir, w, `NotoSans_${w}.ttf`)));
    const { files } = await buildKit({
      interview: exampleInterview('maya.yaml'),
      guide: bundledGuide(),
      renderer: createRenderer(bundledTemplates()),
      theme: resolveTheme({}),
      fonts: { regular: face('400Regular'), bold: face('700Bold'), italic: face('400Regular_Italic'), boldItalic: face('700Bold_Italic') },
      formats: ['pdf', 'docx'],
      timestamp: 1764547200,
      timezone: 'UTC',
      deflate: nativeDeflate,
    });
    expect(files.map((f) => f.name)).toEqual(['packet.pdf', 'packet.docx', 'questions.pdf', 'questions.docx']);
    for (const file of files) {
      expect(Buffer.from(readFileSync(join(out, 'maya-patel', file.name))).equals(Buffer.from(file.bytes)), file.name).toBe(true);
    }
  });
});

#!/usr/bin/env node
// interview-kit command-line entry. CommonJS (bin/package.json says so), like
// the bundle it loads: an ES module entry would start Node's ES module loader
// first, ~10 ms of a cold start.
//
// The TypeScript sources are bundled into dist/cli.cjs by `npm install` (the
// prepare script) or `npm run build`. The bundle is compiled with V8's code
// cache (dist/cli.cjs.cache, made by the build from a run on the bundled
// example), so a cold start skips most parsing and compiling. A cache from
// another Node version is rejected by V8 and the code is compiled as usual.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { Worker } = require('node:worker_threads');

/** What load() compiled, for saveCodeCaches. */
const loaded = [];

/**
 * Compiles a CommonJS file of dist/ with the V8 code cache beside it
 * (<file>.cache) and runs it. A cache from another Node version is rejected by
 * V8 and the code is compiled as usual. The parse thread gets the same loader
 * (see below), and the program loads its compiled templates with it.
 */
function load(file) {
  const { existsSync, readFileSync } = require('node:fs');
  const { createRequire, Module } = require('node:module');
  const { dirname } = require('node:path');
  const vm = require('node:vm');
  const cacheFile = `${file}.cache`;
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData: existsSync(cacheFile) ? readFileSync(cacheFile) : undefined,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  loaded.push({ script, cacheFile });
  return module.exports;
}

/**
 * Writes the code cache of everything load() compiled, with the functions that
 * have run since. The build does this once (IK_WRITE_CODE_CACHE=1), after a
 * run on the bundled example.
 */
function saveCodeCaches() {
  const { writeFileSync } = require('node:fs');
  for (const { script, cacheFile } of loaded) writeFileSync(cacheFile, script.createCachedData());
}

const saveCodeCache = process.env.IK_WRITE_CODE_CACHE === '1';
const dist = join(__dirname, '..', 'dist');
const command = process.argv[2] ?? '';

// The parse thread (src/parse/parse-worker.ts) starts first and works while
// this thread loads the program. For every command that reads an interview it
// loads ICU's date and time zone data (~20 ms on a first Intl.DateTimeFormat;
// the data is the whole process's). For build it also compiles marked's
// regular expressions on a sample packet (~40 ms on a first document) and
// then parses the student's documents.
let parseThread;
if (['build', 'thank-you', 'validate', 'batch'].includes(command)) {
  try {
    const parse = command === 'build';
    const code = [
      'const loaded = [];',
      String(load),
      String(saveCodeCaches),
      "const { workerData } = require('node:worker_threads');",
      'load(workerData.file).start(workerData);',
      'if (workerData.saveCodeCache) saveCodeCaches();',
    ].join('\n');
    const thread = new Worker(code, {
      eval: true,
      stdout: true,
      stderr: true,
      workerData: { file: join(dist, 'parse-worker.cjs'), parse, sampleFile: join(dist, 'parse-sample.md'), saveCodeCache },
    });
    thread.on('error', () => {});
    thread.unref();
    if (parse) parseThread = thread;
  } catch {
    // Only a head start: without it this thread does the same work itself.
  }
}

const file = join(dist, 'cli.cjs');
if (!existsSync(file)) {
  process.stderr.write('interview-kit: the program is not built yet; run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(2);
}
load(file)
  .main(process.argv, { parseThread, load, importModule: (specifier) => import(specifier) })
  .then((code) => {
    process.exitCode = code;
    if (saveCodeCache) saveCodeCaches();
  });

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
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');
const { Worker } = require('node:worker_threads');

// The commands that read an interview work with dates in the meeting's time
// zone. The first Intl.DateTimeFormat of a process costs ~20 ms while ICU
// loads its locale and time zone data, and ICU keeps that data for the whole
// process: a helper thread loads it while this one loads the program.
if (['build', 'thank-you', 'validate', 'batch'].includes(process.argv[2] ?? '')) {
  try {
    const warm = new Worker(
      "new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(0);",
      { eval: true, stdout: true, stderr: true },
    );
    warm.on('error', () => {});
    warm.unref();
  } catch {
    // Only a head start: without it the first date format loads the data itself.
  }
}

const file = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(file)) {
  process.stderr.write('interview-kit: the program is not built yet; run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(2);
}
const cacheFile = `${file}.cache`;
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
  filename: file,
  cachedData,
});
const cli = { exports: {} };
script.runInThisContext().call(cli.exports, cli.exports, createRequire(file), cli, file, dirname(file));
cli.exports.main(process.argv).then((code) => {
  process.exitCode = code;
  // The build sets this once, after running the example, to save the compiled code.
  if (process.env.IK_WRITE_CODE_CACHE === '1') writeFileSync(cacheFile, script.createCachedData());
});

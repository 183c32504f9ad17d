/**
 * Loads a CommonJS file the build wrote into dist/ with a V8 code cache beside
 * it (`<file>.cache`), as bin/interview-kit.js loads the program itself: V8
 * then skips parsing and compiling it. The build makes the cache from a run on
 * the bundled example (IK_WRITE_CODE_CACHE=1), after the code has run, so it
 * holds the functions that ran too. A cache V8 rejects (another Node version)
 * only means the file is compiled as usual.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export function requireWithCodeCache(file: string): unknown {
  const cacheFile = `${file}.cache`;
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData: existsSync(cacheFile) ? readFileSync(cacheFile) : undefined,
  });
  const module = { exports: {} as unknown };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (process.env.IK_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  return module.exports;
}

#!/usr/bin/env node
// interview-kit command-line entry: loads the bundle that `npm run build`
// (or `npm install`, `npm pack`) makes from src/ into dist/.
import { existsSync } from 'node:fs';
import module from 'node:module';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('interview-kit: the program is not built yet; run `npm install` (or `npm run build`) in its folder.\n');
  process.exit(2);
}
// Node 22.1 and later keep compiled code between runs; older versions compile as usual.
module.enableCompileCache?.();
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv);

import { defineConfig } from 'vitest/config';

/** Tests that run the command line as users do: the bundle in dist/, through bin/interview-kit.js. */
const endToEnd = [
  'test/e2e/**/*.test.ts',
  'test/**/cli.test.ts',
  'test/**/*-cli.test.ts',
  'test/errors/cli-errors.test.ts',
  'test/pdf/preflight.test.ts',
  'test/pdf/scripts.test.ts',
  'test/accessibility/*.test.ts',
  'test/web/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One test file per core. Vitest's default leaves a core to itself, which on two cores runs
    // the files one at a time, while most end-to-end files wait on the command line, poppler or a browser.
    maxWorkers: '100%',
    projects: [
      // The stages and writers, imported from src/. They change no module's state, so a worker
      // keeps the modules it has loaded from one file to the next: loading them again for every file
      // took half the unit tests' CPU time.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd, isolate: false } },
      // What ships: the global setup bundles src/ into dist/ once, as `npm pack` and `npm install` do.
      { extends: true, test: { name: 'e2e', include: endToEnd, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});

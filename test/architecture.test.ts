/**
 * The shape of src/: each stage lives in one folder (or one file at the top of
 * src/) and imports only from stages below it, so there is no import cycle,
 * between files or between stages; and the core — everything outside src/cli
 * and src/node — uses no Node-only module, so the same code runs in the
 * browser edition.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/kit.js';

/**
 * The stages from the bottom up. A module may import from a stage of a lower
 * rank only (and from its own folder). The README's Development section
 * describes the same order.
 */
const STAGE_RANK: Readonly<Record<string, number>> = {
  // Shared foundations: the document tree, diagnostics, the theme, hashing, joining bytes, image sizes, ambient types.
  tree: 0,
  diagnostics: 0,
  theme: 0,
  hash: 0,
  bytes: 0,
  'image-size': 0,
  types: 0,
  'image-check': 1,
  fonts: 1,
  parse: 1,
  render: 1,
  load: 2,
  write: 2,
  schedule: 3,
  kits: 4,
  pipeline: 5,
  batch: 6,
  node: 7,
  web: 7,
  cli: 8,
};

/** The stage of a path under src/: its first folder, or the file's name for a file at the top. */
function stageOf(path: string): string {
  const [first, second] = path.replace(/^src\//, '').split('/');
  return second === undefined ? first!.replace(/\.(ts|js)$/, '') : first!;
}

interface Dependency {
  readonly issuer: string;
  readonly request: string;
  readonly id: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the module graph of src/', () => {
  let graph: { tree: Record<string, readonly Dependency[] | null>; circulars: readonly string[][] };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ik-graph-'));
    const output = join(dir, 'graph.json');
    execFileSync(join(repoRoot, 'node_modules', '.bin', 'dpdm'), ['--no-tree', '--no-warning', '--no-progress', '--output', output, 'src/**/*.ts'], { cwd: repoRoot });
    graph = JSON.parse(readFileSync(output, 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no import cycle between files (dpdm)', () => {
    expect(Object.keys(graph.tree).length).toBeGreaterThan(50);
    expect(graph.circulars).toEqual([]);
  });

  it('names a rank for every stage', () => {
    const stages = new Set(Object.keys(graph.tree).filter((f) => f.startsWith('src/')).map(stageOf));
    expect([...stages].filter((s) => STAGE_RANK[s] === undefined)).toEqual([]);
  });

  it('imports only from lower stages', () => {
    const upward: string[] = [];
    for (const [file, dependencies] of Object.entries(graph.tree)) {
      if (!file.startsWith('src/')) continue;
      for (const { request, id } of dependencies ?? []) {
        if (!id?.startsWith('src/')) continue;
        const [from, to] = [stageOf(file), stageOf(id)];
        if (from !== to && !(STAGE_RANK[to]! < STAGE_RANK[from]!)) upward.push(`${file} imports ${request} (${from} → ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps Node-only modules out of the core, which the browser edition runs', () => {
    const core = sourceFiles(join(repoRoot, 'src')).filter((f) => !/[\\/]src[\\/](cli|node)[\\/]/.test(f));
    expect(core.length).toBeGreaterThan(50);
    const offenders = core.filter((f) => /from ['"]node:/.test(readFileSync(f, 'utf8'))).map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });
});

/**
 * Fuzzing the command line as it ships, seeded: each case is a folder of
 * mutated inputs (kit.yaml and its logo, a CSV or YAML roster, a previous
 * batch's manifest, an interview file, sometimes a template) and one
 * command (build, batch or thank-you). Every run must end with exit 0, 1 or
 * 2, print no stack trace, stay within a memory cap and a time limit, write
 * nothing outside its output folder and nothing half-written, and every file
 * it wrote must open in a real client: qpdf and pdftotext for PDFs, unzip
 * for DOCX, node-ical for calendars, mailparser for emails.
 * FUZZ_RUNS=200 runs longer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { FUZZ_SEED, FUZZ_TIMEOUT, fuzzRuns, int, mutateBytes, mutateText, pick, random, type Rand } from '../helpers/fuzz.js';
import { repoRoot } from '../helpers/kit.js';

const examples = join(repoRoot, 'content', 'examples');
const read = (path: string) => readFileSync(path, 'utf8');
const KIT = read(join(examples, 'kit.yaml')).replace('# logo: logo.png', 'logo: logo.png');
const LOGO = new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures/config/logo.png')));
const ROSTERS = { 'night.csv': read(join(examples, 'roster.csv')), 'night.yaml': read(join(examples, 'roster.yaml')) };
const INTERVIEW = read(join(examples, 'maya-after.yaml'));
const PACKET = read(join(repoRoot, 'templates', 'packet.md.hbs'));

/** Every file under `dir` but `skip`, with its SHA-256. */
function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (path === skip || path.startsWith(`${skip}/`) || !statSync(path).isFile()) continue;
    out.set(name, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

const mutate = (text: string, r: Rand, most = 3) => {
  for (let s = int(r, most + 1); s > 0; s--) text = mutateText(text, r);
  return text;
};

/** Sets up one case's folder; returns the command's arguments. */
function makeCase(work: string, r: Rand): string[] {
  const out = join(work, 'out');
  writeFileSync(join(work, 'kit.yaml'), mutate(KIT, r, 2));
  let logo: Uint8Array = LOGO;
  for (let s = int(r, 3); s > 0; s--) logo = mutateBytes(logo, r);
  writeFileSync(join(work, 'logo.png'), logo);
  writeFileSync(join(work, 'keep.txt'), 'a file of someone else');
  const options = ['--config', join(work, 'kit.yaml'), '--out', out];
  if (r() < 0.3) {
    mkdirSync(join(work, 'templates'));
    writeFileSync(join(work, 'templates', 'packet.md.hbs'), mutate(PACKET, r, 2));
    options.push('--templates', join(work, 'templates'));
  }
  const command = pick(r, ['batch', 'batch', 'build', 'thank-you'] as const);
  if (command === 'batch') {
    const name = pick(r, Object.keys(ROSTERS) as (keyof typeof ROSTERS)[]);
    writeFileSync(join(work, name), mutate(ROSTERS[name], r));
    if (r() < 0.5) {
      // A previous run's manifest, edited: it may point anywhere.
      const folder = join(out, 'batch-night');
      mkdirSync(folder, { recursive: true });
      const sha = createHash('sha256').update('a file of someone else').digest('hex');
      const manifest = JSON.stringify({
        version: 1, tool: 'x', roster: name,
        rows: [{ row: 9, student: 'Gone', folder: 'gone', inputHash: sha, files: [{ path: pick(r, ['gone/a.pdf', '../../keep.txt', 'gone/../../../keep.txt']), bytes: 22, sha256: sha }] }],
        files: [],
      }, null, 1);
      writeFileSync(join(folder, 'manifest.json'), mutate(manifest, r, 2));
      writeFileSync(join(folder, '.print.pdf.2147483646.1.tmp'), 'left by a killed run');
    }
    return ['batch', join(work, name), ...options, '--jobs', '1', '--format', pick(r, ['pdf', 'pdf,docx', 'md'])];
  }
  writeFileSync(join(work, 'interview.yaml'), mutate(INTERVIEW, r));
  if (command === 'build') return ['build', join(work, 'interview.yaml'), ...options, '--format', pick(r, ['pdf,ics', 'docx,ics,md', 'pdf,docx,ics'])];
  return ['thank-you', join(work, 'interview.yaml'), ...options];
}

/** Opens every file the run wrote in a real client. */
async function checkOutputs(out: string, where: string, refused: boolean): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(out, { recursive: true, encoding: 'utf8' });
  } catch {
    return; // nothing written
  }
  for (const name of names) {
    const path = join(out, name);
    if (!statSync(path).isFile()) continue;
    // A refused run (exit 2) leaves the folder as it was, the planted file of a killed run too.
    if (!(refused && name.endsWith('.2147483646.1.tmp'))) expect(name, `${where}: a temporary file was left`).not.toMatch(/\.tmp$/);
    if (name.endsWith('.pdf')) {
      const qpdf = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
      expect(qpdf.status, `${where}: qpdf --check ${name}\n${qpdf.stdout}${qpdf.stderr}`).toBe(0);
      execFileSync('pdftotext', [path, '-'], { stdio: 'pipe' });
    } else if (name.endsWith('.docx')) {
      execFileSync('unzip', ['-tq', path], { stdio: 'pipe' });
    } else if (name.endsWith('.ics')) {
      const events = Object.values(ical.sync.parseICS(read(path))).filter((c) => c?.type === 'VEVENT');
      expect(events.length, `${where}: ${name}`).toBeGreaterThan(0);
      for (const e of events) expect(String((e as { summary?: unknown }).summary ?? ''), `${where}: ${name}`).not.toBe('');
    } else if (name.endsWith('.eml')) {
      const mail = await simpleParser(readFileSync(path));
      expect(mail.subject, `${where}: ${name}`).toBeTruthy();
    }
  }
}

describe('fuzzing the commands', () => {
  const runs = fuzzRuns(4);
  it(`ends ${runs} runs on mutated inputs with 0, 1 or 2, within bounds, touching nothing outside the output folder`, async () => {
    const r = random(FUZZ_SEED + 10);
    const cases = Array.from({ length: runs }, (_, n) => {
      const work = tempDir('ik-fuzz-cli-');
      return { n, work, args: makeCase(work, r) };
    });
    // Two at a time: the machine has few cores.
    for (let i = 0; i < cases.length; i += 2) {
      await Promise.all(
        cases.slice(i, i + 2).map(async ({ n, work, args }) => {
          const out = join(work, 'out');
          const before = snapshot(work, out);
          const run = await runCliAsync(args, { NODE_OPTIONS: '--max-old-space-size=768' });
          const where = `case ${n}: interview-kit ${args.map((a) => (a.startsWith(work) ? relative(work, a) : a)).join(' ')} (in ${work})`;
          expect([0, 1, 2], `${where}\n${run.stderr}`).toContain(run.status);
          expect(run.stderr, where).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
          expect(snapshot(work, out), `${where}: a file outside the output folder changed`).toEqual(before);
          await checkOutputs(out, where, run.status === 2);
        }),
      );
    }
  }, Math.max(600_000, FUZZ_TIMEOUT));
});

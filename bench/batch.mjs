// Batch benchmark: generates a roster, runs `interview-kit batch` on it through the built
// command line (dist/) in a child process, and reports wall time, rows per second and the
// peak resident memory of that process (its worker threads included: threads share the
// process's memory, so its high-water mark covers them).
//
//   import { benchBatch } from './batch.mjs';
//   const result = await benchBatch({ rows: 1000, compareRows: 10000 });
//
// Run alone: node bench/batch.mjs [rows] [compareRows]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'interview-kit.js');

const FIRST = ['Maya', 'José', 'Ελένη', 'Дмитрий', 'Renée', 'Chidi', 'Ana María', 'Sam', 'Zoë', 'Kwame', 'Priya', 'Łukasz'];
const LAST = ['Patel', 'Núñez', 'Παπαδοπούλου', 'Иванов', 'Côté', 'Okafor', 'García', 'Lee', 'Brontë', 'Mensah', 'Sharma', 'Wójcik'];
const TITLES = ['Director of Learning & Development', 'Senior Engineer', 'Curator', 'Data Scientist', 'Partner', 'Nurse Manager'];
const ORGS = ['Acme Health', 'Hellas Power', 'Musée "Lumière"', 'Northwind Analytics', 'Okafor & Sons', 'City Hospital'];
const FORMATS = ['in-person', 'phone', 'video'];

/** A roster CSV of `rows` valid rows with names in several scripts, quoted commas and lists. */
export function makeRoster(rows) {
  const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'student.name,student.goals,mentor.name,mentor.title,organization.name,organization.mission,meeting.date,meeting.time,meeting.minutes,meeting.format',
  ];
  for (let i = 0; i < rows; i++) {
    const pick = (list, k = 1) => list[(i * k + Math.floor(i / list.length)) % list.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        `${pick(FIRST)} ${pick(LAST, 5)} ${i}`,
        'See what the work is like day to day; Learn which skills to build',
        `${pick(FIRST, 7)} ${pick(LAST, 3)}`,
        pick(TITLES),
        pick(ORGS, 5),
        'Care close to home, for every family.',
        `2026-12-${day}`,
        `${String(9 + (i % 8)).padStart(2, '0')}:30`,
        String(20 + 5 * (i % 3)),
        pick(FORMATS),
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Reads a "VmHWM:   123 kB" line of /proc/<pid>/status, in bytes; undefined when unavailable. */
function highWaterMark(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs one batch of `rows` rows in a child process. Peak memory comes from GNU time's
 * "Maximum resident set size" when /usr/bin/time exists, else from polling the child's
 * VmHWM every 50 ms.
 */
export async function timeBatch(rows, { jobs = availableParallelism(), formats = 'pdf,docx' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ik-bench-batch-'));
  const roster = join(dir, `roster-${rows}.csv`);
  writeFileSync(roster, makeRoster(rows));
  const args = [cli, 'batch', roster, '--out', join(dir, 'out'), '--jobs', String(jobs), '--format', formats, '--no-progress'];
  const useTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const child = useTime
    ? spawn('/usr/bin/time', ['-v', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let polled = 0;
  const timer = useTime
    ? undefined
    : setInterval(() => {
        polled = Math.max(polled, highWaterMark(child.pid) ?? 0);
      }, 50);
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (timer) clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakBytes = timed ? Number(timed[1]) * 1024 : polled;
  if (code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`batch of ${rows} rows exited with ${code}:\n${stderr.slice(-2000)}`);
  }
  const report = JSON.parse(readFileSync(join(dir, 'out', `batch-roster-${rows}`, 'report.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(dir, 'out', `batch-roster-${rows}`, 'manifest.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return {
    rows,
    jobs,
    seconds,
    rowsPerSecond: rows / seconds,
    peakRssMB: peakBytes / 2 ** 20,
    built: report.built,
    files: manifest.files.length,
    printPages: manifest.print?.pages,
    printMB: manifest.print ? manifest.print.bytes / 2 ** 20 : undefined,
  };
}

/**
 * The batch benchmark: `rows` rows (1,000 by default) and, when `compareRows` is set, a
 * longer roster to show that peak memory does not grow with the roster's length.
 */
export async function benchBatch({ rows = 1000, compareRows, jobs } = {}) {
  const main = await timeBatch(rows, { jobs });
  const result = { ...main };
  if (compareRows) {
    const long = await timeBatch(compareRows, { jobs });
    result.compare = long;
    result.memoryRatio = long.peakRssMB / main.peakRssMB;
  }
  return result;
}

/** One line per run, for `npm run bench`. */
export function formatBatchBench(result) {
  const line = (r) =>
    `batch ${r.rows} rows (${r.jobs} jobs): ${r.seconds.toFixed(1)} s wall, ${r.rowsPerSecond.toFixed(1)} rows/s, ` +
    `peak RSS ${r.peakRssMB.toFixed(0)} MB, print.pdf ${r.printPages} pages / ${r.printMB?.toFixed(1)} MB`;
  const lines = [line(result)];
  if (result.compare) {
    lines.push(line(result.compare));
    lines.push(`peak memory ${result.compare.rows} vs ${result.rows} rows: ${result.memoryRatio.toFixed(2)}x (rows ${(result.compare.rows / result.rows).toFixed(0)}x)`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 1000);
  const compareRows = process.argv[3] ? Number(process.argv[3]) : undefined;
  console.log(formatBatchBench(await benchBatch({ rows, compareRows })));
}

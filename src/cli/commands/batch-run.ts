/** What `interview-kit batch` does (batch.ts registers it and loads this when it runs). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SingleBar } from 'cli-progress';
import { canonicalJson, sha256Hex } from '../../hash.js';
import { WorkerPool } from '../../node/worker-pool.js';
import { rosterFormatOf, rowErrorDiagnostic } from '../../batch/roster.js';
import { readRosterBytes } from '../../batch/roster-bytes.js';
import { runBatch, type BatchProgress } from '../../batch/run-batch.js';
import type { WorkerSetup } from '../../batch/worker-protocol.js';
import type { KitConfig } from '../../load/kit-schema.js';
import { InputError, type Diagnostic } from '../../diagnostics.js';
import { safeFileName } from '../../kits/safe-file-name.js';
import { KIT_FORMATS } from '../../pipeline.js';
import { displayPath, packageRoot, readFontSet, readGuide, readTemplates, sourceDateEpoch } from '../../node/assets.js';
import { DEFAULT_BATCH_FORMATS, type BatchCliOptions } from './batch-options.js';
import { chooseTimezone, guessedZoneWarning, parseFormats, themeFromOptions } from '../common-options.js';
import type { Roster } from '../../batch/roster-types.js';
import { readInputBytes } from '../io/index.js';
import { FolderStore } from '../io/folder-store.js';
import { printDiagnostics } from '../report.js';
import { diagnosticJson, rowErrorJson } from '../json-report.js';
import { readKitConfig } from '../kit-config.js';
import { terminalText } from '../terminal-text.js';

/** The largest roster file read (64 MiB, some 50,000 rows). */
const MAX_ROSTER_BYTES = 64 * 1024 * 1024;

export async function batchCommand(file: string, opts: BatchCliOptions): Promise<number> {
  const shown = displayPath(resolve(file));
  if (!rosterFormatOf(file)) {
    throw new InputError([
      { severity: 'error', file: shown, message: `${shown} is not a roster: give a .xlsx, .csv or .yaml file`, hints: ['save the spreadsheet as .xlsx or CSV'] },
    ]);
  }
  const kit = opts.config ? await readKitConfig(opts.config) : undefined;
  const config: KitConfig = kit?.config ?? {};
  const theme = themeFromOptions(opts, kit?.theme);
  const formats = parseFormats(opts.format ?? config.batch?.formats?.join(','), KIT_FORMATS, DEFAULT_BATCH_FORMATS);
  const duplex = !(opts.simplex ?? config.batch?.simplex ?? false);

  const rosterBytes = readInputBytes(file, { maxBytes: MAX_ROSTER_BYTES, what: 'a roster' });
  const zone = chooseTimezone(opts.timezone, config.meeting?.timezone);
  const parsed = await readRosterBytes(rosterBytes, shown, { minutes: config.meeting?.minutes, timezone: zone.guessed ? undefined : zone.zone, dateOrder: config.date_order });
  if (parsed.diagnostics.some((d) => d.severity === 'error')) throw new InputError(parsed.diagnostics);
  const roster = withZone(parsed, zone.zone);
  const rosterWarnings = parsed.diagnostics;
  const zoneWarnings = formats.includes('ics') ? guessedZoneWarning(zone, roster.rows.filter((row, i) => row !== parsed.rows[i]).length, shown) : [];

  const guide = await readGuide(opts.content);
  const templates = readTemplates(opts.templates);
  const fonts = readFontSet(theme.fontFamily);
  const timestamp = sourceDateEpoch();
  const tool = `interview-kit ${toolVersion()}`;
  const resourcesKey = sha256Hex(canonicalJson({ tool, code: codeFingerprint(), guide, templates: templateSources(templates), theme, formats, timestamp }));

  const rosterStem = basename(file, extname(file));
  const folder = join(opts.out, `batch-${safeFileName(rosterStem) || 'roster'}`);
  const store = new FolderStore(folder);
  store.removeStaleTemporaryFiles();
  const print = formats.includes('pdf');
  const setup: WorkerSetup = { guide, templates, theme, fonts, formats, timestamp, print };
  const toBuild = roster.rows.filter((r) => r.interview).length;
  const jobs = Math.max(1, Math.min(opts.jobs ?? config.batch?.jobs ?? availableParallelism(), Math.max(1, toBuild)));
  const worker = workerScript();
  const pool = new WorkerPool(worker.url, jobs, setup, worker.loader ? { loader: worker.loader } : {});
  const progress = opts.progress === false || opts.json ? undefined : createProgressReporter(roster.rows.length);

  const stopOnSignal = () => {
    store.removeTemporaryFiles();
    process.stderr.write('\nbatch stopped; finished students were kept, no partial files were left\n');
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let summary;
  try {
    summary = await runBatch({
      roster,
      rosterName: shown,
      guide,
      resourcesKey,
      tool,
      builder: pool,
      store,
      print,
      duplex,
      force: opts.force ?? false,
      onProgress: progress?.update,
    });
  } finally {
    progress?.stop();
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    await pool.close();
  }

  const diagnostics: Diagnostic[] = [...rosterWarnings, ...zoneWarnings, ...summary.report.failures.flatMap((f) => f.errors.map((e) => rowErrorDiagnostic(shown, e)))];
  for (const w of summary.report.warnings) {
    diagnostics.push({ severity: 'warning', file: shown, message: `${w.label} (${w.student}): ${w.message}`, hints: w.hints });
  }
  if (summary.report.manifestIgnored) {
    diagnostics.unshift({
      severity: 'warning',
      file: join(displayPath(resolve(folder)), 'manifest.json'),
      message: `the previous run's manifest is not usable (${summary.report.manifestIgnored}); every row was built afresh`,
      hints: ['it is rewritten by this run; nothing it listed was deleted'],
    });
  }
  const r = summary.report;
  const where = displayPath(resolve(folder));
  if (opts.json) {
    const json = [
      ...rosterWarnings.map(diagnosticJson),
      ...zoneWarnings.map(diagnosticJson),
      ...summary.report.failures.flatMap((f) => f.errors.map((e) => rowErrorJson(shown, e))),
      ...summary.report.warnings.map((w) => ({ ...diagnosticJson({ severity: 'warning', file: shown, message: w.message, hints: w.hints }), row: w.row, student: w.student })),
    ];
    const { failures: _failures, warnings: _warnings, ...counts } = r;
    process.stdout.write(`${JSON.stringify({ ...counts, folder: where, exitCode: summary.exitCode, diagnostics: json }, null, 2)}\n`);
    return summary.exitCode;
  }
  printDiagnostics(diagnostics);
  process.stdout.write(
    terminalText(
      `${r.rows} rows: ${r.built} built, ${r.unchanged} unchanged, ${r.failed} failed → ${where}/` +
        (r.printPages !== undefined ? ` (print.pdf: ${r.printPages} pages${duplex ? ', duplex' : ''})` : '') +
        '\n',
    ),
  );
  if (!print && r.built + r.unchanged > 0) {
    process.stdout.write('no print.pdf: the print file is made from the PDFs; add pdf to --format for one\n');
  }
  if (r.removed && r.removed.length > 0) {
    process.stdout.write(terminalText(`deleted the files of ${r.removed.length} ${r.removed.length === 1 ? 'student' : 'students'} no longer in the roster: ${r.removed.join(', ')}\n`));
  }
  if (r.failed > 0) process.stdout.write(terminalText(`see ${join(where, 'report.txt')} for the rows to fix\n`));
  if (opts.debug) process.stderr.write(`debug: ${jobs} worker threads, ${pool.recycled} replaced (heap or task count)\n`);
  return summary.exitCode;
}

/** The roster with `zone` given to every meeting that has a time but names no zone. */
function withZone(roster: Roster, zone: string): Roster {
  const rows = roster.rows.map((row) => {
    const meeting = row.interview?.meeting;
    if (!row.interview || !meeting?.time || meeting.timezone) return row;
    return { ...row, interview: { ...row.interview, meeting: { ...meeting, timezone: zone } } };
  });
  return { ...roster, rows };
}

function toolVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version);
  } catch {
    return 'unknown';
  }
}

/**
 * A hash of the bundled program (dist/*.js and its chunks), so that a new
 * build of the same version still counts as a change; '' when running from sources.
 */
function codeFingerprint(): string {
  const dist = join(packageRoot, 'dist');
  if (fileURLToPath(import.meta.url).endsWith('.ts') || !existsSync(dist)) return '';
  const hash = createHash('sha256');
  for (const folder of [dist, join(dist, 'chunks')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.js')).sort()) {
      hash.update(name).update(readFileSync(join(folder, name)));
    }
  }
  return hash.digest('hex');
}

function templateSources(templates: WorkerSetup['templates']): unknown {
  const pick = (entries: Record<string, { source: string }>) =>
    Object.fromEntries(Object.entries(entries).map(([name, t]) => [name, t.source]));
  return { templates: pick(templates.templates), partials: pick(templates.partials) };
}

/** The worker entry: the bundled dist/batch-worker.js, or the TypeScript source run through tsx. */
function workerScript(): { url: URL; loader?: URL } {
  const here = fileURLToPath(import.meta.url);
  const bundled = join(packageRoot, 'dist', 'batch-worker.js');
  if (!here.endsWith('.ts') && existsSync(bundled)) return { url: pathToFileURL(bundled) };
  return { url: pathToFileURL(join(packageRoot, 'src', 'node', 'batch-worker.ts')), loader: tsxEsmApi() };
}

/** The ESM entry of tsx's `tsx/esm/api` (a development dependency), read from its package exports. */
function tsxEsmApi(): URL {
  const manifest = createRequire(join(packageRoot, 'package.json')).resolve('tsx/package.json');
  const entry = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'];
  const file = typeof entry === 'string' ? entry : (entry.import?.default ?? entry.import);
  return pathToFileURL(join(dirname(manifest), file));
}

/** Progress on stderr: a bar with rate and ETA on a terminal, a plain line for every row otherwise. */
function createProgressReporter(total: number): { update: (p: BatchProgress) => void; stop: () => void } {
  const started = Date.now();
  const rate = (done: number) => done / Math.max(0.001, (Date.now() - started) / 1000);
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: ' {bar} {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {failed} failed',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      undefined,
    );
    bar.start(total, 0, { rate: '0.0', failed: 0 });
    return {
      update: (p) => bar.update(p.done, { rate: rate(p.done).toFixed(1), failed: p.failed }),
      stop: () => bar.stop(),
    };
  }
  // In a log, one plain line per row, so that the log says what became of each.
  return {
    update: (p) => {
      const r = rate(p.done);
      const eta = r > 0 ? Math.round((p.total - p.done) / r) : 0;
      process.stderr.write(
        terminalText(
          `[${p.done}/${p.total}] ${p.status} ${p.label}${p.student ? ` ${p.student}` : ''}` +
            ` (${r.toFixed(1)} rows/s, ETA ${formatSeconds(eta)}, ${p.failed} failed)\n`,
        ),
      );
    },
    stop: () => undefined,
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

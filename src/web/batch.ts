/**
 * The career office's batch in the browser: a roster and (optionally) a
 * kit.yaml with its logo in, one ZIP out — every student's kit in its own
 * folder, the duplex-safe print file, manifest.json and the report — by the
 * same runner as `interview-kit batch`. Rows are built one after another on
 * this page (the command line's worker pool is Node's); nothing is uploaded.
 */
import { zipSync, type Zippable } from 'fflate';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { MemorySink } from '../batch/print-file.js';
import { parseRoster, rowErrorDiagnostic } from '../batch/roster.js';
import { runBatch, type BatchProgress, type BatchStore, type KitBuilder } from '../batch/run-batch.js';
import { runTask, type TaskContext } from '../batch/run-task.js';
import type { WorkerReply, WorkerTask } from '../batch/worker-protocol.js';
import { canonicalJson, sha256Hex } from '../hash.js';
import type { Guide } from '../load/content-schema.js';
import type { KitConfig } from '../load/kit-schema.js';
import type { KitFormat } from '../pipeline.js';
import type { Renderer } from '../render/render.js';
import type { Theme } from '../theme.js';
import type { FontSet } from '../write/pdf/index.js';

/** Every entry's date in the ZIP: fixed, so the same roster gives the same bytes. */
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));
const DEFAULT_FORMATS: readonly KitFormat[] = ['pdf', 'docx'];

export interface BrowserBatchInput {
  readonly rosterText: string;
  readonly rosterName: string;
  /** kit.yaml's text, and the files dropped with it (its logo), by name. */
  readonly kit?: { readonly text: string; readonly files: ReadonlyMap<string, Uint8Array> };
  readonly guide: Guide;
  readonly renderer: Renderer;
  /** The page's theme, used when no kit.yaml is given. */
  readonly theme: Theme;
  readonly loadFonts: (theme: Theme) => Promise<FontSet>;
  readonly onProgress?: (progress: BatchProgress) => void;
}

export interface BrowserBatchResult {
  readonly zip: Uint8Array;
  readonly built: number;
  readonly failed: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The folder's files kept in memory, as the runner writes them. */
function memoryStore(files: Map<string, Uint8Array>): BatchStore {
  const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
  return {
    async read(path) {
      return files.get(path);
    },
    async size(path) {
      return files.get(path)?.length;
    },
    async writeFiles(folder, written) {
      for (const f of written) files.set(join(folder, f.name), f.bytes);
    },
    async openStream(path) {
      const sink = new MemorySink();
      return {
        write: (bytes: Uint8Array) => sink.write(bytes),
        async commit() {
          const bytes = sink.bytes();
          files.set(path, bytes);
          return { sha256: sha256Hex(bytes) };
        },
        async abort() {},
      };
    },
    async remove(path) {
      files.delete(path);
    },
  };
}

async function readKit(kit: NonNullable<BrowserBatchInput['kit']>): Promise<{ config: KitConfig; theme: Theme }> {
  const { loadKitTheme } = await import('../load/load-kit-config.js');
  const result = loadKitTheme(kit.text, 'kit.yaml', (logoPath) => {
    const bytes = kit.files.get(logoPath.split(/[\\/]/).pop()!);
    if (!bytes) throw new Error(`drop ${logoPath} together with kit.yaml`);
    return bytes;
  });
  if (!result.config || !result.theme) throw new InputError(result.diagnostics);
  return { config: result.config, theme: result.theme };
}

/** Runs the batch; bad input (a roster or kit.yaml that cannot be read) throws InputError. */
export async function runBrowserBatch(input: BrowserBatchInput): Promise<BrowserBatchResult> {
  const kit = input.kit ? await readKit(input.kit) : undefined;
  const config: KitConfig = kit?.config ?? {};
  const theme = kit?.theme ?? input.theme;
  const formats = (config.batch?.formats as readonly KitFormat[] | undefined) ?? DEFAULT_FORMATS;
  const roster = parseRoster(input.rosterText, input.rosterName, { minutes: config.meeting?.minutes, timezone: config.meeting?.timezone });
  if (roster.diagnostics.some((d) => d.severity === 'error')) throw new InputError(roster.diagnostics);
  const fonts = await input.loadFonts(theme);
  const print = formats.includes('pdf');
  const context: TaskContext = { build: { guide: input.guide, renderer: input.renderer, theme, fonts }, formats, print, sha256Hex };
  const builder: KitBuilder = {
    size: 1,
    async run(task: WorkerTask): Promise<WorkerReply> {
      try {
        return await runTask(task, context);
      } catch (error) {
        return { id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
  const files = new Map<string, Uint8Array>();
  const tool = 'interview-kit 0.1.0';
  const summary = await runBatch({
    roster,
    rosterName: input.rosterName,
    guide: input.guide,
    resourcesKey: sha256Hex(canonicalJson({ tool, guide: input.guide, theme: { ...theme, office: theme.office?.name }, formats })),
    tool,
    builder,
    store: memoryStore(files),
    print,
    duplex: !(config.batch?.simplex ?? false),
    onProgress: input.onProgress,
  });
  const zippable: Zippable = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) zippable[path] = [bytes, { mtime: ENTRY_TIME, level: path.endsWith('.pdf') || path.endsWith('.docx') ? 0 : 6 }];
  const diagnostics: Diagnostic[] = summary.report.failures.flatMap((f) => f.errors.map((e) => rowErrorDiagnostic(input.rosterName, e)));
  return { zip: zipSync(zippable), built: summary.report.built, failed: summary.report.failures.length, diagnostics };
}

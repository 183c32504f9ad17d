/**
 * Messages between the batch runner and its worker threads. Plain data only:
 * everything here is structured-cloned, and byte arrays are transferred.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import type { KitFormat } from '../pipeline.js';
import type { TemplateSet } from '../render/template-set.js';
import type { Theme } from '../theme.js';
import type { FontSet } from '../write/pdf/index.js';
import type { PrintFragment } from './print-fragment.js';

/** What every worker loads once, at start. */
export interface WorkerSetup {
  readonly guide: Guide;
  readonly templates: TemplateSet;
  readonly theme: Theme;
  readonly fonts: FontSet;
  readonly formats: readonly KitFormat[];
  readonly timestamp?: number;
  /** Prepare print-file fragments of the PDFs built. */
  readonly print: boolean;
}

/** Build one student's kit. */
export interface BuildTask {
  readonly kind: 'build';
  readonly id: number;
  readonly interview: Interview;
}

/** Prepare print fragments of PDFs already on disk (rows not rebuilt). */
export interface FragmentTask {
  readonly kind: 'fragment';
  readonly id: number;
  readonly pdfs: readonly Uint8Array[];
}

/** Any task a worker runs. */
export type WorkerTask = BuildTask | FragmentTask;

/** One file built for a student. */
export interface BuiltFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages?: number;
  readonly sha256: string;
}

/** The reply to a task. `heapUsed` (bytes) is the worker's V8 heap after the task, so the pool can retire a worker that grew. */
export type WorkerReply =
  | {
      readonly id: number;
      readonly heapUsed?: number;
      readonly ok: true;
      readonly files: readonly BuiltFile[];
      readonly diagnostics: readonly Diagnostic[];
      /** Print fragments of the PDF files, in file order (build) or task order (fragment). */
      readonly fragments: readonly PrintFragment[];
    }
  | { readonly id: number; readonly heapUsed?: number; readonly ok: false; readonly error: string };

/** The byte buffers of a reply, to transfer instead of copy. */
export function replyTransferList(reply: WorkerReply): ArrayBuffer[] {
  if (!reply.ok) return [];
  const buffers = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => {
    if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) buffers.add(a.buffer);
  };
  for (const f of reply.files) add(f.bytes);
  for (const f of reply.fragments) {
    add(f.bytes);
    add(f.objectOffsets);
    add(f.localFields);
    add(f.rootFields);
  }
  return [...buffers];
}

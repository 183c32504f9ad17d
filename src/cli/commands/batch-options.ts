/** What `batch` (batch.ts) parses and what running it (batch-run.ts) reads. */
import type { KitFormat } from '../../pipeline.js';
import type { CommonOptions } from '../common-options.js';

/** The formats a batch builds unless told otherwise. */
export const DEFAULT_BATCH_FORMATS: readonly KitFormat[] = ['pdf', 'docx'];

export interface BatchCliOptions extends CommonOptions {
  readonly jobs?: number;
  readonly simplex?: boolean;
  readonly force?: boolean;
  readonly progress?: boolean;
  readonly timezone?: string;
  readonly json?: boolean;
}

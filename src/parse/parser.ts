/** How the pipeline turns rendered Markdown into a tree: parseMarkdown here or on another thread. */
import type { DocumentMeta, Root } from '../tree/types.js';

export type MarkdownParser = (markdown: string, meta: DocumentMeta) => Root | Promise<Root>;

let loading: Promise<typeof import('./parse-markdown.js')> | undefined;

/** parseMarkdown in this thread, with marked imported on first use (not at start-up). */
export const parseHere = async (markdown: string, meta: DocumentMeta): Promise<Root> =>
  (await (loading ??= import('./parse-markdown.js'))).parseMarkdown(markdown, meta);

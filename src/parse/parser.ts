/** How the pipeline turns rendered Markdown into a tree: parseMarkdown here or on another thread. */
import type { DocumentMeta, Root } from '../tree/types.js';

export type MarkdownParser = (markdown: string, meta: DocumentMeta) => Root | Promise<Root>;

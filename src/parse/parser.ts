/** How the pipeline turns rendered Markdown into a tree. */
import type { DocumentMeta, Root } from '../tree/types.js';
import { parseMarkdown } from './parse-markdown.js';

export type MarkdownParser = (markdown: string, meta: DocumentMeta) => Root | Promise<Root>;

/** parseMarkdown, in this thread. */
export const parseHere: MarkdownParser = parseMarkdown;

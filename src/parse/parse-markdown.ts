/**
 * The parse stage: Markdown (as rendered from the templates) → document tree.
 *
 * Uses the `marked` lexer (one package, ~1 ms for a packet) with two block
 * extensions of our own: `:::lines N [#name]` (writing space) and
 * `:::pagebreak`, each allowed the CommonMark indent of up to three spaces.
 * A `:::lines` right after a numbered item belongs to that item, however deep
 * the item's text is indented. A task-list item becomes a `checkbox`, also
 * inside a list of other items; a trailing `{#name}` names its fillable field.
 * Links with a scheme other than http, https or mailto are kept as plain text.
 *
 * @example
 * parseMarkdown('# Hi\n\n- [ ] Bring a pen', { title: 'T', author: 'A', language: 'en-US' });
 */
import { Lexer, type Token, type Tokens, type TokenizerExtension, type MarkedOptions } from 'marked';
import { isSafeUrl } from './safe-url.js';
import { decodeHTMLStrict } from 'entities';
import type { Block, Checkbox, DocumentMeta, Inline, ListItem, Root, TableCell } from '../tree/types.js';
import { slugify } from './slugify.js';
import { plainText } from '../tree/plain-text.js';

interface LinesToken {
  type: 'answerLines';
  raw: string;
  count: number;
  name?: string;
}
interface PageBreakToken {
  type: 'pageBreak';
  raw: string;
}

/**
 * Index of the first line of `src` that starts with `prefix` after up to three
 * spaces, as CommonMark allows before any block (marked calls this often: keep it cheap).
 */
function lineStart(src: string, prefix: string): number | undefined {
  let from = 0;
  for (;;) {
    const at = src.indexOf(prefix, from);
    if (at < 0) return undefined;
    let line = at;
    while (line > 0 && at - line < 3 && src[line - 1] === ' ') line--;
    if (line === 0 || src[line - 1] === '\n') return line;
    from = at + prefix.length;
  }
}

const answerLinesExtension: TokenizerExtension = {
  name: 'answerLines',
  level: 'block',
  start: (src) => lineStart(src, ':::lines'),
  tokenizer(src) {
    const m = /^ {0,3}:::lines[ \t]+(\d{1,2})(?:[ \t]+#([A-Za-z0-9_.-]+))?[ \t]*(?:\n+|$)/.exec(src);
    if (!m) return undefined;
    const token: LinesToken = { type: 'answerLines', raw: m[0], count: Math.max(1, Number(m[1])), name: m[2] };
    return token as unknown as Tokens.Generic;
  },
};

const pageBreakExtension: TokenizerExtension = {
  name: 'pageBreak',
  level: 'block',
  start: (src) => lineStart(src, ':::pagebreak'),
  tokenizer(src) {
    const m = /^ {0,3}:::pagebreak[ \t]*(?:\n+|$)/.exec(src);
    if (!m) return undefined;
    return { type: 'pageBreak', raw: m[0] } satisfies PageBreakToken as unknown as Tokens.Generic;
  },
};

const lexerOptions: MarkedOptions = {
  gfm: true,
  breaks: false,
  extensions: {
    block: [answerLinesExtension.tokenizer, pageBreakExtension.tokenizer] as never,
    startBlock: [answerLinesExtension.start!, pageBreakExtension.start!] as never,
    inline: [],
    renderers: {},
    childTokens: {},
  } as never,
};

/** Parses rendered Markdown into the document tree. */
export function parseMarkdown(markdown: string, meta: DocumentMeta): Root {
  const tokens = new Lexer(lexerOptions).lex(markdown);
  const slugs = new Map<string, number>();
  return { type: 'root', meta, children: toBlocks(tokens, slugs) };
}

function toBlocks(tokens: readonly Token[], slugs: Map<string, number>): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        const children = toInlines(t.tokens);
        const depth = Math.min(3, Math.max(1, t.depth)) as 1 | 2 | 3;
        blocks.push({ type: 'heading', depth, id: uniqueSlug(slugify(plainText(children)), slugs), children });
        break;
      }
      case 'paragraph':
        blocks.push({ type: 'paragraph', children: toInlines((token as Tokens.Paragraph).tokens) });
        break;
      case 'text': {
        // A bare text block (e.g. inside a tight list item).
        const t = token as Tokens.Text;
        blocks.push({ type: 'paragraph', children: t.tokens ? toInlines(t.tokens) : [{ type: 'text', value: decodeEntities(t.text) }] });
        break;
      }
      case 'list':
        blocks.push(...toList(token as Tokens.List, slugs));
        break;
      case 'blockquote':
        blocks.push({ type: 'callout', children: toBlocks((token as Tokens.Blockquote).tokens, slugs) });
        break;
      case 'table': {
        const t = token as Tokens.Table;
        const cell = (c: Tokens.TableCell): TableCell => ({ type: 'tableCell', children: toInlines(c.tokens) });
        const hasHeader = t.header.some((c) => c.text.trim() !== '');
        const rows = [...(hasHeader ? [t.header.map(cell)] : []), ...t.rows.map((r) => r.map(cell))];
        blocks.push({ type: 'table', header: hasHeader, rows });
        break;
      }
      case 'answerLines': {
        const t = token as unknown as LinesToken;
        blocks.push(t.name ? { type: 'answerLines', count: t.count, name: t.name } : { type: 'answerLines', count: t.count });
        break;
      }
      case 'pageBreak':
        blocks.push({ type: 'pageBreak' });
        break;
      case 'hr':
        // A thematic break reads best on paper as the start of a new page.
        blocks.push({ type: 'pageBreak' });
        break;
      case 'code': {
        const t = token as Tokens.Code;
        blocks.push({ type: 'paragraph', children: [{ type: 'text', value: t.text }] });
        break;
      }
      case 'space':
      case 'html':
      case 'def':
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) blocks.push(...toBlocks(token.tokens, slugs));
        break;
    }
  }
  return attachAnswerLines(blocks);
}

/**
 * Task items become checkbox lines and the other items stay a list, each run
 * on its own: a bulleted list written right before a checklist is still a
 * list followed by check boxes, though Markdown reads the two as one list.
 */
function toList(list: Tokens.List, slugs: Map<string, number>): Block[] {
  const blocks: Block[] = [];
  let number = list.ordered && typeof list.start === 'number' ? list.start : 1;
  for (let i = 0; i < list.items.length; ) {
    const task = Boolean(list.items[i]!.task);
    let end = i;
    while (end < list.items.length && Boolean(list.items[end]!.task) === task) end++;
    const run = list.items.slice(i, end);
    if (task) blocks.push(...run.map(toCheckbox));
    else blocks.push({ type: 'list', ordered: list.ordered, start: number, children: run.map((item) => ({ type: 'listItem', children: toBlocks(item.tokens, slugs) })) });
    number += run.length;
    i = end;
  }
  return blocks;
}

function toCheckbox(item: Tokens.ListItem): Checkbox {
  const inlines = toInlines(item.tokens.filter((t) => t.type !== 'checkbox').flatMap(inlineTokensOf));
  const { children, name } = takeFieldName(inlines);
  return name ? { type: 'checkbox', checked: Boolean(item.checked), name, children } : { type: 'checkbox', checked: Boolean(item.checked), children };
}

/**
 * Gives a numbered item the writing space that follows it. A continuation
 * line must be indented as deep as the item's text, which grows with the
 * number ("9. " needs three spaces, "10. " four): a `:::lines` directive
 * indented for a shorter number closes the list instead. It belongs to the
 * item above it all the same, and the list goes on after it.
 */
function attachAnswerLines(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (block.type === 'answerLines' && prev?.type === 'list' && prev.ordered) {
      const last = prev.children[prev.children.length - 1]!;
      if (!last.children.some((c) => c.type === 'answerLines')) {
        const item: ListItem = { type: 'listItem', children: [...last.children, block] };
        out[out.length - 1] = { ...prev, children: [...prev.children.slice(0, -1), item] };
        continue;
      }
    }
    if (block.type === 'list' && block.ordered && prev?.type === 'list' && prev.ordered && block.start === prev.start + prev.children.length) {
      out[out.length - 1] = { ...prev, children: [...prev.children, ...block.children] };
      continue;
    }
    out.push(block);
  }
  return out;
}

/** The inline tokens of a block token inside a task item. */
function inlineTokensOf(token: Token): Token[] {
  if ((token.type === 'text' || token.type === 'paragraph') && 'tokens' in token && token.tokens) return token.tokens;
  return [token];
}

/** Removes a trailing `{#name}` from inline content and returns the name. */
function takeFieldName(children: Inline[]): { children: Inline[]; name?: string } {
  const last = children[children.length - 1];
  if (!last || last.type !== 'text') return { children };
  const m = /\s*\{#([A-Za-z0-9_.-]+)\}\s*$/.exec(last.value);
  if (!m) return { children };
  const value = last.value.slice(0, m.index);
  const rest = children.slice(0, -1);
  return { children: value ? [...rest, { type: 'text', value }] : rest, name: m[1] };
}

function toInlines(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + value };
    else out.push({ type: 'text', value });
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) {
          for (const inner of toInlines(t.tokens)) inner.type === 'text' ? pushText(inner.value) : out.push(inner);
        } else pushText(decodeEntities(t.text.replace(/\n/g, ' ')));
        break;
      }
      case 'escape':
        pushText((token as Tokens.Escape).text);
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInlines((token as Tokens.Strong).tokens) });
        break;
      case 'em':
        out.push({ type: 'emphasis', children: toInlines((token as Tokens.Em).tokens) });
        break;
      case 'link': {
        const t = token as Tokens.Link;
        const children = toInlines(t.tokens);
        if (isSafeUrl(t.href)) out.push({ type: 'link', url: t.href, children });
        else for (const c of children) c.type === 'text' ? pushText(c.value) : out.push(c);
        break;
      }
      case 'br':
        out.push({ type: 'break' });
        break;
      case 'codespan':
        pushText(decodeEntities((token as Tokens.Codespan).text));
        break;
      case 'del':
        for (const c of toInlines((token as Tokens.Del).tokens)) c.type === 'text' ? pushText(c.value) : out.push(c);
        break;
      case 'html':
        // Templates may write <br> for a line break; other HTML is shown as text.
        if (/^<br\s*\/?>$/i.test((token as Tokens.HTML).text.trim())) out.push({ type: 'break' });
        else pushText((token as Tokens.HTML).text);
        break;
      case 'image':
        pushText((token as Tokens.Image).text);
        break;
      default:
        if ('text' in token && typeof token.text === 'string') pushText(token.text);
        break;
    }
  }
  return out;
}

/** Decodes the HTML entities CommonMark recognises (`&amp;`, `&#8217;`, …) in template text. */
function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}


function uniqueSlug(slug: string, seen: Map<string, number>): string {
  const n = seen.get(slug) ?? 0;
  seen.set(slug, n + 1);
  return n === 0 ? slug : `${slug}-${n + 1}`;
}

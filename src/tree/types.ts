/**
 * The document tree: the one structure every writer reads.
 *
 * Plain, tagged, JSON-serialisable objects (in the manner of mdast and
 * pandoc-types), never classes. The union is closed: every writer switches
 * exhaustively on `node.type` and ends in `assertNever`, so adding a member
 * fails to compile until every writer handles it.
 *
 * @example
 * const doc: Root = {
 *   type: 'root',
 *   children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Hello' }] }],
 * };
 */

/** Text with no formatting. */
export interface Text {
  readonly type: 'text';
  readonly value: string;
}

/** Bold text. */
export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

/** Italic text. */
export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly Inline[];
}

/** A hyperlink; `url` is already checked to be http, https or mailto. */
export interface Link {
  readonly type: 'link';
  readonly url: string;
  readonly children: readonly Inline[];
}

/** A forced line break inside a paragraph. */
export interface Break {
  readonly type: 'break';
}

/** Everything that can appear inside a paragraph, heading, cell or checkbox. */
export type Inline = Text | Strong | Emphasis | Link | Break;

/** A section title; depth 1 to 3. `id` is a stable slug for bookmarks and anchors. */
export interface Heading {
  readonly type: 'heading';
  readonly depth: 1 | 2 | 3;
  readonly id: string;
  readonly children: readonly Inline[];
}

/** A run of text. */
export interface Paragraph {
  readonly type: 'paragraph';
  readonly children: readonly Inline[];
}

/** A bulleted or numbered list. `start` is the first number of an ordered list. */
export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly start: number;
  readonly children: readonly ListItem[];
}

/** One item of a list; an item holding `answerLines` is never split across pages. */
export interface ListItem {
  readonly type: 'listItem';
  readonly children: readonly Block[];
}

/**
 * A checklist line with a tick box (from `- [ ] text` in Markdown).
 * `name` (from a trailing `{#name}`) makes it a fillable PDF check box.
 */
export interface Checkbox {
  readonly type: 'checkbox';
  readonly checked: boolean;
  readonly name?: string;
  readonly children: readonly Inline[];
}

/**
 * Ruled lines to write an answer on (from `:::lines N` or `:::lines N #name` in Markdown).
 * `name` makes it a fillable multi-line PDF text field of that name.
 */
export interface AnswerLines {
  readonly type: 'answerLines';
  readonly count: number;
  readonly name?: string;
}

/** A table; the first row is the header when `header` is true. */
export interface Table {
  readonly type: 'table';
  readonly header: boolean;
  readonly rows: readonly (readonly TableCell[])[];
}

/** One cell of a table. */
export interface TableCell {
  readonly type: 'tableCell';
  readonly children: readonly Inline[];
}

/** A highlighted aside (from a `>` block quote in Markdown). */
export interface Callout {
  readonly type: 'callout';
  readonly children: readonly Block[];
}

/** Start a new page (from `:::pagebreak` in Markdown). */
export interface PageBreak {
  readonly type: 'pageBreak';
}

/** Every block-level node. */
export type Block = Heading | Paragraph | List | Checkbox | AnswerLines | Table | Callout | PageBreak;

/** Document-level facts the writers put in metadata, headers and footers. */
export interface DocumentMeta {
  /** Document title (PDF /Title, DOCX core title, running footer). */
  readonly title: string;
  /** Author (PDF /Author, DOCX creator). */
  readonly author: string;
  /** Subject line for metadata. */
  readonly subject?: string;
  /** BCP 47 language tag, e.g. "en-US". */
  readonly language: string;
  /** Short text in the running footer, left of the page number. */
  readonly footer?: string;
  /** Keywords for metadata (PDF /Keywords), each without spaces; the question sheet names its interview there. */
  readonly keywords?: readonly string[];
  /** A letter has no running header, footer or page number. Default: document. */
  readonly kind?: 'document' | 'letter';
}

/** The whole document. */
export interface Root {
  readonly type: 'root';
  readonly meta: DocumentMeta;
  readonly children: readonly Block[];
}

/** Any node of the tree. */
export type Node = Root | Block | Inline | ListItem | TableCell;

/** Call at the end of an exhaustive switch; fails to compile when a case is missing. */
export function assertNever(node: never): never {
  throw new Error(`unhandled tree node: ${JSON.stringify(node)}`);
}

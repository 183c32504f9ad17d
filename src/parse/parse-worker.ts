/**
 * The parse thread: Markdown in, document trees out, for the command line's
 * main thread.
 *
 * The first document marked lexes in a process costs ~40 ms, nearly all of it
 * V8 compiling marked's regular expressions, and compiled expressions belong
 * to the thread that compiled them. bin/interview-kit.js starts this thread
 * before it loads the program: it loads ICU's date and time zone data (which
 * the whole process shares) and lexes a sample packet while the main thread
 * loads, so the student's documents then parse at warm speed. The trees are
 * those parseMarkdown gives on any thread; src/cli/parse-client.ts parses
 * in-process when this thread is missing or fails.
 */
import { readFileSync } from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { numericFormatter } from '../schedule/numeric-formatter.js';
import type { DocumentMeta, Root } from '../tree/types.js';
import { parseMarkdown } from './parse-markdown.js';

export interface ParseRequest {
  readonly id: number;
  readonly markdown: string;
  readonly meta: DocumentMeta;
}

export type ParseReply = { readonly id: number; readonly tree: Root } | { readonly id: number; readonly error: string };

export interface ParseThreadOptions {
  /** A Markdown file to lex once ahead of time, so that marked's expressions are compiled (dist/parse-sample.md). */
  readonly sampleFile?: string;
  /** Whether to parse at all, or only load ICU's data. */
  readonly parse: boolean;
}

/** Loads ICU's data and, when asked, compiles marked's expressions on the sample. */
export function warm(options: ParseThreadOptions): void {
  numericFormatter('UTC').formatToParts(0);
  if (!options.parse || !options.sampleFile) return;
  let sample: string;
  try {
    sample = readFileSync(options.sampleFile, 'utf8');
  } catch {
    return; // not built: the first document compiles them instead
  }
  parseMarkdown(sample, { title: '', author: '', language: 'en-US' });
}

/** Answers parse requests on `port` (the worker's parent port). */
export function serve(port: MessagePort): void {
  port.on('message', (request: ParseRequest) => {
    let reply: ParseReply;
    try {
      reply = { id: request.id, tree: parseMarkdown(request.markdown, request.meta) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}

/** The thread's entry (bin/interview-kit.js calls it with the worker's data). */
export function start(options: ParseThreadOptions): void {
  if (options.parse && parentPort) serve(parentPort);
  warm(options);
}

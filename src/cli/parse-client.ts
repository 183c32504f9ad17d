/**
 * Parses Markdown on the parse thread that bin/interview-kit.js started (see
 * src/parse/parse-worker.ts), or on this thread when there is none, when it
 * stopped, or when it could not parse a document (this thread then parses it
 * again, so an error is reported as it would be without the thread).
 */
import type { Worker } from 'node:worker_threads';
import { parseHere, type MarkdownParser } from '../parse/parser.js';
import type { ParseReply, ParseRequest } from '../parse/parse-worker.js';
import type { DocumentMeta, Root } from '../tree/types.js';

interface Pending {
  readonly markdown: string;
  readonly meta: DocumentMeta;
  readonly resolve: (tree: Root) => void;
  readonly reject: (error: unknown) => void;
}

let shared: MarkdownParser = parseHere;

/** Parses with `thread` from now on (bin/interview-kit.js starts it; see src/parse/parse-worker.ts). */
export function useParseThread(thread: Worker): void {
  shared = threadParser(thread);
}

/** The parser of this process: on the parse thread if there is one. */
export function markdownParser(): MarkdownParser {
  return shared;
}

/** A parser that sends each document to `thread`. */
export function threadParser(thread: Worker): MarkdownParser {
  const pending = new Map<number, Pending>();
  let next = 0;
  let stopped = false;
  const parseLocally = (p: Pending) => parseHere(p.markdown, p.meta).then(p.resolve, p.reject);
  const stop = () => {
    stopped = true;
    thread.unref();
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) parseLocally(p);
  };
  thread.on('error', stop);
  thread.on('exit', stop);
  thread.on('message', (reply: ParseReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    // The thread must not keep the process alive once nothing waits for it.
    if (pending.size === 0) thread.unref();
    if ('tree' in reply) p.resolve(reply.tree);
    else parseLocally(p);
  });
  // A 'message' listener refs the thread again; until a document is out, it must not keep the process alive.
  thread.unref();
  return (markdown, meta) => {
    if (stopped) return parseHere(markdown, meta);
    return new Promise<Root>((resolve, reject) => {
      const id = next++;
      pending.set(id, { markdown, meta, resolve, reject });
      thread.ref();
      thread.postMessage({ id, markdown, meta } satisfies ParseRequest);
    });
  };
}

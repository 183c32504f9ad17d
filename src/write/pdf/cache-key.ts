/**
 * Keys for caches that outlive a document.
 *
 * The words and runs the PDF writer measures and encodes are substrings of
 * the document's rendered Markdown, and V8 keeps a substring of 13 or more
 * characters as a view into its parent string. A long-lived cache keyed by
 * such a view keeps the whole Markdown of an old document alive: in a batch
 * of thousands of rows, every worker held hundreds of packets' Markdown that
 * way. `ownCopy` gives the cache a string of its own.
 */

/** Below this length V8 copies substrings instead of pointing into the parent. */
const SLICE_MIN_LENGTH = 13;

/** `text`, as a string that does not keep a larger parent string alive. */
export function ownCopy(text: string): string {
  if (text.length < SLICE_MIN_LENGTH) return text;
  // Concatenating and slicing makes V8 flatten the pair into a new string of
  // text.length + 1 characters; the result points into that copy only.
  return (` ${text}`).slice(1);
}

/** Seeded mutation for the fuzz suites: the same cases on every machine, more with FUZZ_RUNS, others with FUZZ_SEED. */

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T,>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const int = (r: Rand, n: number) => Math.floor(r() * n);

/** The seed of this run: fixed unless FUZZ_SEED says otherwise. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261206);

/** `short` cases in `npm test`; FUZZ_RUNS=2000 for a longer run. */
export function fuzzRuns(short: number): number {
  return process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : short;
}

/** A test's time limit: the default for the short runs, an hour for FUZZ_RUNS. */
export const FUZZ_TIMEOUT = process.env.FUZZ_RUNS ? 3_600_000 : 60_000;

const NOISE = [
  '\u0000', '\u0001', '\u001b[31m', '\u007f', '\u0085', '\uFFFD', '\uFEFF', '\u202E', '\u2028', '\t', '\r', '\n', 'é', '王', '😀', '\uD800',
  ':', ': ', '- ', '#', '&a ', '*a', '!', '|', '>', '"', "'", '[', ']', '{', '}', ',', '---', '\\', '\\x00', '"\\e]0;t\\a"', '"\\u0000"',
  '__proto__', '../', '/dev/zero', 'https://Zoom.us/j/1 2', 'https://[::1]/x', 'a|b', '1e400', '~', 'null', 'true', '2027-02-31',
];

/** One random change to a text: a line deleted, doubled, swapped or re-indented, noise inserted, or the text cut. */
export function mutateText(text: string, r: Rand): string {
  const lines = text.split('\n');
  const i = int(r, lines.length);
  switch (int(r, 7)) {
    case 0:
      lines.splice(i, 1);
      return lines.join('\n');
    case 1:
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    case 2: {
      const j = int(r, lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 3:
      lines[i] = r() < 0.5 ? `  ${lines[i]}` : lines[i]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 4:
      return text.slice(0, int(r, text.length + 1));
    default: {
      const at = int(r, text.length + 1);
      return text.slice(0, at) + pick(r, NOISE) + text.slice(at);
    }
  }
}

/** One random change to bytes: a byte flipped, a run deleted or repeated, or the bytes cut. */
export function mutateBytes(bytes: Uint8Array, r: Rand): Uint8Array {
  const out = Array.from(bytes);
  const at = int(r, out.length);
  switch (int(r, 4)) {
    case 0:
      out[at] = int(r, 256);
      break;
    case 1:
      out.splice(at, 1 + int(r, 16));
      break;
    case 2:
      out.splice(at, 0, ...out.slice(at, at + 1 + int(r, 16)));
      break;
    default:
      out.length = at;
  }
  return Uint8Array.from(out);
}

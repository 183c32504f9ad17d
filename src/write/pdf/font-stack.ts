/**
 * The fonts a document's layout measures and draws with: its family, and the
 * fallback faces of other scripts it needs (with HarfBuzz when one of them
 * is shaped). Free of pdf-lib, so a preview can lay a document out as the
 * PDF writer does without loading the writer.
 */
import { FALLBACK_IDS, fallbacksNeededIn, SHAPED, type FallbackId } from '../../fonts/fallback.js';
import { loadShaper } from '../../fonts/shaper.js';
import type { TrueTypeFont } from '../../fonts/truetype.js';
import type { Root } from '../../tree/types.js';
import { parseFont, type ParsedFontSet } from './font-cache.js';
import type { FontStack } from './font-runs.js';
import type { PdfOptions } from './pdf-options.js';

/**
 * The family and the fallback faces the document's text needs, loaded
 * before the (synchronous) layout: the tree's text is scanned for characters
 * the family lacks, and only their scripts' faces are asked for. HarfBuzz is
 * loaded only when one of them needs shaping.
 */
export async function loadFontStack(tree: Root, main: ParsedFontSet, options: Pick<PdfOptions, 'fonts' | 'theme'>): Promise<FontStack> {
  const load = options.fonts.loadFallback;
  const office = options.theme.office;
  const covered = (cp: number): boolean => main.regular.glyphId(cp) !== 0;
  const needed = fallbacksNeededIn(tree, covered);
  if (office) fallbacksNeededIn([office.name, office.contact], covered, needed);
  const fallbacks = new Map<FallbackId, TrueTypeFont>();
  if (!load || needed.size === 0) return { main, fallbacks };
  for (const id of FALLBACK_IDS) {
    if (!needed.has(id)) continue;
    const bytes = await load(id);
    if (bytes) fallbacks.set(id, parseFont(bytes));
  }
  const shaped = [...fallbacks.keys()].some((id) => SHAPED.has(id));
  return shaped ? { main, fallbacks, shaper: await loadShaper() } : { main, fallbacks };
}

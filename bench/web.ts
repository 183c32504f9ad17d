/**
 * The browser edition's section of `npm run bench`, through Playwright and
 * Debian's Chromium: the first load of the page (to the packet's preview
 * drawn), edit → preview updated, and the page's weight for a student with a
 * Latin name — the gzip size of every file the page asked for, as a static
 * host serving compressed files sends them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, openPage, previewDrawn, startServer } from '../test/web/browser.js';

export interface WebBench {
  readonly firstLoadMs: number;
  readonly editMs: number;
  readonly editMsFastest: number;
  readonly gzipBytes: number;
  readonly files: number;
  readonly cjkLoaded: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const STUDENT = '#student.name=Maya%20Patel&mentor.name=Dr.%20Jos%C3%A9%20N%C3%BA%C3%B1ez&organization.name=Acme%20Health';

export async function benchWeb({ loads = 5, edits = 15 } = {}): Promise<WebBench> {
  const { url, server } = await startServer();
  const browser = await launchChromium();
  try {
    const firstLoads: number[] = [];
    let weight = { gzipBytes: 0, files: 0, cjkLoaded: false };
    for (let i = 0; i < loads; i++) {
      const started = Date.now();
      const { page, requested } = await openPage(browser, url, STUDENT);
      await previewDrawn(page);
      firstLoads.push(Date.now() - started);
      const root = join(import.meta.dirname, '..', 'dist', 'web');
      // What the page asked for and got (kit.yaml is asked for and absent unless an office hosts one).
      const files = [...new Set(requested.map((p) => (p.endsWith('/') ? `${p}index.html` : p)))].filter((p) => existsSync(join(root, decodeURIComponent(p))));
      weight = {
        gzipBytes: files.reduce((sum, p) => sum + gzipSync(readFileSync(join(root, decodeURIComponent(p)))).length, 0),
        files: files.length,
        cjkLoaded: files.some((p) => /fonts\/(chinese|korean)\.ttf$/.test(p)),
      };
      if (i < loads - 1) await page.context().close();
      else {
        const times: number[] = [];
        const preview = page.locator('#preview');
        for (let e = 0; e < edits; e++) {
          const generation = Number(await preview.getAttribute('data-generation'));
          await page.getByLabel('Your program of study').press(e % 2 ? 'Backspace' : 'x');
          const t0 = Date.now();
          await page.waitForFunction(
            (g) => Number(document.getElementById('preview')!.dataset.generation) > g && document.getElementById('preview')!.getAttribute('aria-busy') === 'false',
            generation,
            { polling: 5 },
          );
          times.push(Date.now() - t0);
        }
        return { firstLoadMs: median(firstLoads), editMs: median(times), editMsFastest: Math.min(...times), ...weight };
      }
    }
    throw new Error('no page loaded');
  } finally {
    await browser.close();
    server.kill();
  }
}

export function formatWebBench(r: WebBench, verdict: (value: number, limit: number) => string): string {
  return [
    `browser edition (Chromium): first load to the packet's preview ${r.firstLoadMs} ms (median)`,
    `edit → preview updated ${r.editMs} ms (median), fastest ${r.editMsFastest} ms   budget ≤ 250 ms: ${verdict(r.editMs, 250)}`,
    `page weight, Latin name: ${(r.gzipBytes / 1e6).toFixed(2)} MB gzip in ${r.files} files   budget < 2 MB: ${verdict(r.gzipBytes / 1e6, 2)}; CJK fonts loaded: ${r.cjkLoaded ? 'yes (OVER)' : 'no'}`,
  ].join('\n');
}

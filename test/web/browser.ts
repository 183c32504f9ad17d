/**
 * The browser edition as a person meets it: `interview-kit web` serving
 * dist/web, and Debian's Chromium driven by playwright-core. Every request
 * to another origin is refused and recorded, so a test can say none was made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../helpers/kit.js';

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts `interview-kit web --port 0` and resolves to its address and the process. */
export function startServer(): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [join(repoRoot, 'bin', 'interview-kit.js'), 'web', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) resolve({ url: match[0], server });
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`interview-kit web exited with ${code}: ${out}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  readonly page: Page;
  /** Every same-origin path the page asked for, in order. */
  readonly requested: string[];
  /** Every request to another origin (all refused). */
  readonly foreign: string[];
  /** Uncaught errors in the page. */
  readonly errors: string[];
}

/**
 * A fresh page (its own storage) at `url` + `suffix`, other origins refused;
 * `hosted` adds files to the page's folder, as a host serving them beside index.html.
 */
export async function openPage(browser: Browser, url: string, suffix = '', hosted: Record<string, Buffer> = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const origin = new URL(url).origin;
  const requested: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith('blob:') || target.startsWith('data:')) return route.continue();
    if (new URL(target).origin !== origin) {
      foreign.push(target);
      return route.abort();
    }
    const path = new URL(target).pathname;
    requested.push(path);
    const file = hosted[path.slice(1)];
    return file ? route.fulfill({ status: 200, body: file }) : route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url + suffix);
  await page.getByLabel('Your name').waitFor();
  return { page, requested, foreign, errors };
}

/** Waits for the preview to be drawn after the latest edit. */
export async function previewDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const preview = document.getElementById('preview')!;
    return preview.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#preview-pages canvas').length > 0;
  }, null, { timeout: 30_000 });
}

/** Clicks the button named `name` and saves the download into `dir`; resolves to the file's path. */
export async function downloadFrom(page: Page, name: string, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

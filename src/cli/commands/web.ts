/**
 * `interview-kit web [--port N]`: serves the browser edition (dist/web) on
 * this computer only (127.0.0.1) and prints its address. The page does all
 * the work in the browser; this server only hands out its files.
 */
import type { Command } from 'commander';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { InputError } from '../../diagnostics.js';
import { packageRoot } from '../../node/assets.js';
import { runAction } from '../report.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** The file under `root` that a request path names, or undefined (outside it, or missing). */
function fileFor(root: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Registers `web` on the program. */
export function registerWeb(program: Command): void {
  program
    .command('web')
    .description('open the browser edition: serves it on this computer and prints its address')
    .option('--port <n>', 'the port to listen on (0: any free one)', '4173')
    .option('--debug', 'show stack traces for internal errors')
    .action(async (opts: { port: string; debug?: boolean }) => {
      await runAction(async () => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new InputError([{ severity: 'error', message: `--port must be a port number from 0 to 65535 ("${opts.port}")`, field: '--port' }]);
        }
        const root = join(packageRoot, 'dist', 'web');
        if (!existsSync(join(root, 'index.html'))) {
          throw new InputError([{ severity: 'error', message: 'the browser edition is not built', hints: ['run `npm run build`'] }]);
        }
        const server = createServer((request, response) => {
          const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(root, request.url ?? '/') : undefined;
          if (!file) {
            response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
            return;
          }
          response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
          if (request.method === 'HEAD') response.end();
          else createReadStream(file).pipe(response);
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', (error: NodeJS.ErrnoException) =>
            reject(
              error.code === 'EADDRINUSE' || error.code === 'EACCES'
                ? new InputError([{ severity: 'error', message: `cannot listen on port ${port} (${error.code === 'EADDRINUSE' ? 'it is in use' : 'not allowed'})`, field: '--port', hints: ['choose another with --port N, or --port 0 for any free one'] }])
                : error,
            ),
          );
          server.listen(port, '127.0.0.1', resolve);
        });
        const address = server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        process.stdout.write(`interview-kit: the browser edition is at http://127.0.0.1:${actual}/ (Ctrl+C to stop)\n`);
        // Serve until interrupted.
        await new Promise<void>((resolve) => {
          const stop = () => server.close(() => resolve());
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }, opts.debug);
    });
}

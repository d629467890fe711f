// `npm start`: serves the demo shop at http://localhost:8080 (PORT overrides). The shop uses
// nothing but the script tag from dist/cdn/, as a shop owner would. Until the reference server
// lands, the review API under /v1/ is answered by the MSW handlers, run here in Node.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { getResponse } from 'msw';
import { createHandlers } from '../src/mocks/handlers.js';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 8080);
const apiDelayMs = Number(process.env.API_DELAY_MS ?? 0);
const handlers = createHandlers();

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Static files: /cdn/* from dist/cdn, everything else from demo/. */
function staticPath(pathname: string): string | undefined {
  const [base, rest] = pathname.startsWith('/cdn/') ? ['dist/cdn', pathname.slice(5)] : ['demo', pathname.slice(1)];
  const relative = normalize(decodeURIComponent(rest || 'index.html')).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, base, relative);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) && !extname(file) && existsSync(`${file}.html`)) file = `${file}.html`;
  return existsSync(file) ? file : undefined;
}

async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const request = new Request(url, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
  });
  if (apiDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, apiDelayMs));
  const response = await getResponse(handlers, request);
  if (!response) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: `No route ${req.method} ${url.pathname}` } }));
    return;
  }
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (url.pathname.startsWith('/v1/')) {
    api(req, res, url).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'Internal error' } }));
    });
    return;
  }
  const file = staticPath(url.pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
});

server.listen(port, () => {
  console.log(`Verity demo shop: http://localhost:${port}`);
});

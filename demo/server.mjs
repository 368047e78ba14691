// Serves the demo helpdesk (a Zendesk-shaped agent UI) on loopback with plain node:http.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tickets } from './tickets.mjs';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
/** Paths the single-page app answers itself (Zendesk's own URL shapes). */
const SPA_PATHS = [/^\/agent\/tickets\/\d+\/?$/, /^\/agent\/dashboard\/?$/];

function send(res, status, type, body) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

async function serveFile(res, relative) {
  // normalize + prefix check keeps `..` and encoded variants inside public/.
  const path = normalize(join(PUBLIC_DIR, relative));
  if (!path.startsWith(PUBLIC_DIR.endsWith(sep) ? PUBLIC_DIR : PUBLIC_DIR + sep)) return send(res, 403, 'text/plain', 'Forbidden');
  try {
    const body = await readFile(path);
    return send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', body);
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://demo.invalid').pathname);
  } catch {
    return send(res, 400, 'text/plain', 'Bad request');
  }
  if (pathname === '/api/demo/tickets.json') {
    return send(res, 200, TYPES['.json'], JSON.stringify({ tickets }));
  }
  if (pathname === '/' || pathname === '/agent' || pathname === '/agent/') {
    res.writeHead(302, { location: '/agent/dashboard' });
    return res.end();
  }
  if (SPA_PATHS.some((re) => re.test(pathname))) return serveFile(res, 'index.html');
  return serveFile(res, pathname.slice(1));
}

/** Starts the demo; `port = 0` picks a free port (tests). Resolves once it listens. */
export function startDemoServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.env.PORT ?? 5178);
  const { url } = await startDemoServer({ port });
  console.log(`Arvio demo helpdesk: ${url}/agent/tickets/101  (dashboard: ${url}/agent/dashboard)`);
}

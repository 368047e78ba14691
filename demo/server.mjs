// Serves the demo helpdesk (a Zendesk-shaped agent UI) on loopback with plain node:http, with the
// part of Zendesk's REST API the extension reads (a ticket's comments) and the reply the agent sends.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signedInAgent, tickets } from './tickets.mjs';
import { commentsPage } from './zendesk-api.mjs';

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

const COMMENTS_PATH = /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/;
const TICKET_PATH = /^\/api\/v2\/tickets\/(\d+)\.json$/;
const MAX_BODY = 1_000_000;

async function readJson(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new RangeError('too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

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

/** Answers one request; `live` is this server's copy of the tickets (replies the agent sends land there). */
async function handle(req, res, live, options) {
  let url;
  try {
    url = new URL(req.url ?? '/', 'http://demo.invalid');
    url.pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'text/plain', 'Bad request');
  }
  const { pathname } = url;
  const origin = `http://${req.headers.host ?? 'demo.invalid'}`;
  const api = options.zendeskApi && (COMMENTS_PATH.exec(pathname) ?? TICKET_PATH.exec(pathname));
  const ticket = api ? live.find((t) => t.id === api[1]) : undefined;
  if (api && !ticket) return send(res, 404, TYPES['.json'], JSON.stringify({ error: 'RecordNotFound' }));
  if (ticket && req.method === 'PUT' && TICKET_PATH.test(pathname)) {
    // The reply the agent sends: Zendesk's ticket update with a comment.
    let comment;
    try {
      comment = (await readJson(req))?.ticket?.comment;
    } catch {
      return send(res, 400, TYPES['.json'], JSON.stringify({ error: 'InvalidJSON' }));
    }
    if (typeof comment?.body !== 'string' || !comment.body.trim()) return send(res, 422, TYPES['.json'], JSON.stringify({ error: 'RecordInvalid' }));
    const message = {
      id: `${ticket.id}-${ticket.messages.length + 1}`,
      role: comment.public === false ? 'internal' : 'agent',
      author: signedInAgent,
      at: new Date().toISOString(),
      text: comment.body,
    };
    ticket.messages.push(message);
    return send(res, 200, TYPES['.json'], JSON.stringify({ ticket: { id: Number(ticket.id) }, message }));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
  if (ticket && COMMENTS_PATH.test(pathname)) {
    const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
    return send(res, 200, TYPES['.json'], JSON.stringify(commentsPage(ticket, page, origin)));
  }
  if (pathname === '/api/demo/tickets.json') {
    return send(res, 200, TYPES['.json'], JSON.stringify({ tickets: live }));
  }
  if (pathname === '/' || pathname === '/agent' || pathname === '/agent/') {
    res.writeHead(302, { location: '/agent/dashboard' });
    return res.end();
  }
  if (SPA_PATHS.some((re) => re.test(pathname))) return serveFile(res, 'index.html');
  return serveFile(res, pathname.slice(1));
}

/**
 * Starts the demo; `port = 0` picks a free port (tests). Resolves once it listens. Without
 * `zendeskApi` the helpdesk has no REST API, so the extension reads the page (the bench measures that).
 */
export function startDemoServer({ port = 0, host = '127.0.0.1', zendeskApi = true } = {}) {
  const live = structuredClone(tickets);
  const server = createServer((req, res) => {
    handle(req, res, live, { zendeskApi }).catch(() => {
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

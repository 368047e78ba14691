// Serves a saved helpdesk fixture page on 127.0.0.1 at the path its url.txt names.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  url: string;
  /** Every path asked for, in order: what the page (or anything on it) loaded. */
  requested: string[];
  close(): Promise<void>;
}

/** `name` is `<site>/<variant>` under tests/fixtures/helpdesks; extra routes serve JSON (API paths). */
export async function serveFixture(name: string, routes: Record<string, unknown> = {}): Promise<FixtureServer> {
  const dir = `tests/fixtures/helpdesks/${name}`;
  const html = readFileSync(`${dir}/page.html`, 'utf8');
  const original = new URL(readFileSync(`${dir}/url.txt`, 'utf8').trim());
  const requested: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requested.push(path);
    if (path in routes) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(routes[path]));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${original.pathname}${original.search}${original.hash}`,
    requested,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Chromium keeps connections alive; without this, close waits for their idle timeout.
        server.closeAllConnections();
      }),
  };
}

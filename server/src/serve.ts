// Serves the app over HTTP with @hono/node-server; resolves once listening, with the real port.
import { serve } from '@hono/node-server';
import type { Db } from './db';
import { createApp, type AppOptions } from './app';

/**
 * How long an idle keep-alive connection stays open: longer than the idle timeout of the proxy in
 * front (nginx and most load balancers keep upstream connections 60 s). Node's default of 5 s closes
 * sockets a proxy or client is about to reuse, and that request fails with a reset.
 */
export const KEEP_ALIVE_MS = 65_000;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(
  db: Db,
  listen: { port: number; hostname: string },
  options: AppOptions = {},
): Promise<RunningServer> {
  const app = createApp(db, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: listen.port, hostname: listen.hostname }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive sockets would hold close() open; end them.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      // Node requires the headers' timeout to be above the keep-alive's.
      server.headersTimeout = KEEP_ALIVE_MS + 1000;
    }
    server.once('error', reject);
  });
}

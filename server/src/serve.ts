// Serves the app over HTTP with @hono/node-server; resolves once listening, with the real port.
import { serve } from '@hono/node-server';
import type { Db } from './db';
import { createApp, type AppOptions } from './app';

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
    server.once('error', reject);
  });
}

// Types of the demo server (server.mjs is plain JS so `npm run demo` needs no build step).
export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export function startDemoServer(options?: { port?: number; host?: string; zendeskApi?: boolean }): Promise<DemoServer>;

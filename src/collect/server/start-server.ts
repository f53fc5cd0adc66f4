import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createCollectApp, type CollectAppOptions } from './collect-app.js';

/** A running collection server. */
export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the collection server on `host:port` (127.0.0.1 unless told otherwise: the form is
 * reachable from other machines only when the operator says so); port 0 picks a free one.
 */
export function startServer(options: Omit<CollectAppOptions, 'clientAddress'> & { host?: string; port?: number }): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createCollectApp({
    ...options,
    clientAddress: (c) => {
      const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
      return incoming?.socket?.remoteAddress ?? null;
    },
  });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (err: Error) => reject(err);
    server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, (info: AddressInfo) => {
      server.off('error', onError);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        host: info.address,
        port: info.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', onError);
  });
}

/**
 * Listening: the app on @hono/node-server, with a clean shutdown (stop accepting, let requests in
 * flight finish, then close the database — PGlite must be closed to leave its files consistent).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from './db/database.js';
import { purgeIdempotencyKeys } from './db/submissions.js';
import { logLine } from './http/errors.js';

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Runs after requests in flight finished and before the database closes (stop the job workers here). */
  beforeClose?: (() => Promise<void>) | undefined;
}

export async function listen(
  app: Hono,
  database: Database,
  port: number,
  host?: string,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, ...(host ? { hostname: host } : {}) }, () => resolve(s as Server));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  // Remembered answers of idempotency keys are needed for retries, not forever. PGlite has no
  // autovacuum: without fresh statistics the planner takes a search for a scan of every review.
  const maintain = async () => {
    await purgeIdempotencyKeys(database.db, new Date()).catch((error: unknown) =>
      console.error(logLine(error, 'maintenance', 'purging idempotency keys')),
    );
    if (database.kind === 'pglite') {
      await sql`ANALYZE`
        .execute(database.db)
        .catch((error: unknown) => console.error(logLine(error, 'maintenance', 'ANALYZE')));
    }
  };
  let maintaining = maintain();
  const timer = setInterval(() => (maintaining = maintain()), 60 * 60 * 1000);
  timer.unref();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        await maintaining;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Keep-alive connections that stay busy are cut after a grace period.
          setTimeout(() => server.closeAllConnections(), 5000).unref();
        });
        // pg-boss stops before the pool it uses closes.
        await options.beforeClose?.();
        await database.close();
      })();
      return closing;
    },
  };
}

/** Closes on SIGINT/SIGTERM, once; a second signal exits at once. */
export function closeOnSignals(server: RunningServer): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: closing…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

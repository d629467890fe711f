/** What every route needs: the database, the clock, the cache of hot answers. */
import type { Kysely } from 'kysely';
import type { Tables } from './db/schema.js';
import type { ResponseCache } from './http/cache.js';

export interface AppContext {
  db: Kysely<Tables>;
  /** The current time; tests move it. */
  now: () => Date;
  cache: ResponseCache;
  /** `Cache-Control` of public GET answers. */
  cacheControl: string;
  /** Whether the client's address is the last X-Forwarded-For hop (behind our own proxy). */
  trustProxy: boolean;
  /** This server's public base URL when configured (links in e-mails); else a request's own origin. */
  publicUrl?: string | undefined;
  /** Asks the job workers of this process, if they run, to look for work now (a message to send). */
  wakeJobs: () => void;
}

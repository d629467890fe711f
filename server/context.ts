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
}

/**
 * The server's settings, from the environment (twelve-factor style: the same build runs as the
 * demo, on one machine, or as many stateless servers on a managed PostgreSQL).
 */
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  /** Interface to listen on; all of them by default. */
  host: string | undefined;
  /** PostgreSQL; without it, PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  postOrigins: string[] | '*' | undefined;
  /** Public POSTs a minute per IP; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Public GETs a minute per IP (bursts of half as many); 0 turns the limit off. */
  readRateLimitPerMinute: number;
  trustProxy: boolean;
  cacheTtlMs: number;
  maxAgeSeconds: number;
  /** The invitation workers: off with VERITY_JOBS=0 (e.g. API-only servers beside a worker). */
  jobs: boolean;
  /** SMTP; without it every message is held in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** This server's public URL, for the opt-out links in e-mails. */
  publicUrl: string;
}

/** `.data/` in the project folder: gitignored, kept across restarts. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url));

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const origins = env.VERITY_CORS_ORIGINS?.trim();
  return {
    port: number(env, 'PORT', 8080),
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.VERITY_DATA_DIR || DEFAULT_DATA_DIR,
    adminToken: env.VERITY_ADMIN_TOKEN || undefined,
    postOrigins: !origins
      ? undefined
      : origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((o) => o.trim().replace(/\/+$/, ''))
            .filter(Boolean),
    rateLimitPerMinute: number(env, 'VERITY_RATE_LIMIT', 30),
    readRateLimitPerMinute: number(env, 'VERITY_READ_RATE_LIMIT', 1200),
    trustProxy: /^(1|true|yes)$/i.test(env.VERITY_TRUST_PROXY ?? ''),
    cacheTtlMs: number(env, 'VERITY_CACHE_TTL_MS', 1000),
    maxAgeSeconds: number(env, 'VERITY_MAX_AGE', 60),
    jobs: !/^(0|false|no)$/i.test(env.VERITY_JOBS ?? ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'reviews@localhost',
    publicUrl: (env.VERITY_PUBLIC_URL || `http://localhost:${number(env, 'PORT', 8080)}`).replace(/\/+$/, ''),
  };
}

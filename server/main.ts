/**
 * `npm run server`: the review API alone. PORT, HOST, DATABASE_URL (else PGlite in .data/ or
 * VERITY_DATA_DIR), VERITY_ADMIN_TOKEN, VERITY_CORS_ORIGINS, VERITY_RATE_LIMIT,
 * VERITY_READ_RATE_LIMIT, VERITY_TRUST_PROXY; VERITY_SEED_DEMO=1 adds the demo data once.
 */
import { createApp } from './app.js';
import { configFromEnv } from './config.js';
import { openDatabase } from './db/database.js';
import { closeOnSignals, listen } from './serve.js';
import { seedDemo } from './seed.js';

const config = configFromEnv();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch((error: unknown) => {
  // A folder in use or an unreachable PostgreSQL: say so plainly, without a stack trace.
  console.error(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
if (/^(1|true|yes)$/i.test(process.env.VERITY_SEED_DEMO ?? '') && (await seedDemo(database.db))) {
  console.log('Seeded the demo data');
}
const { app, jobs } = createApp({
  db: database.db,
  adminToken: config.adminToken,
  postOrigins: config.postOrigins,
  rateLimit: config.rateLimitPerMinute > 0 ? { perMinute: config.rateLimitPerMinute } : false,
  readRateLimit:
    config.readRateLimitPerMinute > 0
      ? { perMinute: config.readRateLimitPerMinute, burst: Math.ceil(config.readRateLimitPerMinute / 2) }
      : false,
  trustProxy: config.trustProxy,
  cacheTtlMs: config.cacheTtlMs,
  maxAgeSeconds: config.maxAgeSeconds,
  jobs: config.jobs ? { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl } : undefined,
});
// pg-boss stops (letting steps and deliveries in progress finish) before the database closes.
const server = await listen(app, database, config.port, config.host, { beforeClose: async () => jobs?.stop() });
closeOnSignals(server);
// The workers start after the server listens: creating pg-boss's tables the first time takes a
// second or two, and answering requests need not wait for it.
jobs?.start().then(
  () => jobs.runDue(),
  (error: unknown) => console.error('The invitation workers did not start:', error),
);
console.log(
  `Verity review API: ${server.url}/v1/ (${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`,
);
if (!config.adminToken) console.log('VERITY_ADMIN_TOKEN is not set: every admin route answers 401');
if (jobs && !config.smtpUrl) console.log('SMTP_URL is not set: invitation e-mails are held in the outbox');

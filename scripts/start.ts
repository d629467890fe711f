// `npm start`: the demo shop at http://localhost:8080 (PORT overrides), served by the reference
// review API server from the same origin: /v1/… is the API, /cdn/… the script-tag bundle from
// dist/cdn (built by `npm run build` first), everything else the shop in demo/. The shop uses
// nothing but the script tag, as a shop owner would. The database (PGlite in .data/, or
// DATABASE_URL) gets the demo data once; later starts keep everything written since.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '../server/app.js';
import { configFromEnv } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { closeOnSignals, listen } from '../server/serve.js';
import { seedDemo } from '../server/seed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = configFromEnv();
// Without a configured token, one for this run only, so the moderation queue can be tried at once.
const adminToken = config.adminToken ?? randomBytes(18).toString('base64url');

const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch((error: unknown) => {
  // A folder in use or an unreachable PostgreSQL: say so plainly, without a stack trace.
  console.error(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
if (await seedDemo(database.db)) console.log('Seeded the demo data (once; later starts keep what was written)');

const { app } = createApp({
  db: database.db,
  adminToken,
  postOrigins: config.postOrigins,
  rateLimit: config.rateLimitPerMinute > 0 ? { perMinute: config.rateLimitPerMinute } : false,
  cacheTtlMs: config.cacheTtlMs,
  maxAgeSeconds: config.maxAgeSeconds,
  // Slow answers on purpose, e.g. to watch the widgets reserve their space (API_DELAY_MS=500).
  apiDelayMs: Number(process.env.API_DELAY_MS ?? 0),
});
const noCache = (_path: string, c: { header: (name: string, value: string) => void }) =>
  c.header('cache-control', 'no-cache');
app.use(
  '/cdn/*',
  serveStatic({ root: `${root}dist/cdn`, rewriteRequestPath: (path) => path.slice('/cdn'.length), onFound: noCache }),
);
app.use('*', serveStatic({ root: `${root}demo`, onFound: noCache }));

const server = await listen(app, database, config.port, config.host);
closeOnSignals(server);
console.log(`Verity demo shop: ${server.url}`);
console.log(`Review API:       ${server.url}/v1/businesses/nordlys/summary`);
console.log(
  `Admin token:      ${config.adminToken ? '(VERITY_ADMIN_TOKEN)' : `${adminToken}  (this run only; set VERITY_ADMIN_TOKEN to choose one)`}`,
);
console.log(`Moderation queue: curl -H "Authorization: Bearer …" ${server.url}/v1/admin/businesses/nordlys/reviews`);

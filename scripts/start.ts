// `npm start`: the demo shop at http://localhost:8080 (PORT overrides), served by the reference
// review API server from the same origin: /v1/… is the API, /cdn/… the script-tag bundle from
// dist/cdn (built by `npm run build` first), everything else the shop in demo/. The shop uses
// nothing but the script tag, as a shop owner would.
//
// The demo touches only its own data: PGlite in .data/ (VERITY_DATA_DIR), never the DATABASE_URL
// of the environment, which may name a real shop's database; `npm start -- --database URL` picks
// a PostgreSQL on purpose. It gets the demo data once; later starts keep what was written since.
// It listens on 127.0.0.1 unless HOST says otherwise.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { configFromEnv } from '../server/config.js';
import { closeOnSignals } from '../server/serve.js';
import { DEMO_OWNER, startDemo } from './demo-server.js';

const args = (() => {
  try {
    return parseArgs({ options: { database: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nUsage: npm start [-- --database postgres://…]`,
    );
    process.exit(2);
  }
})();
const config = configFromEnv();
if (config.databaseUrl && !args.database) {
  console.log(
    'DATABASE_URL is set, but the demo keeps to its own data in .data/ (npm start -- --database URL to use one)',
  );
}
// Without a configured token, one for this run only, so the moderation queue can be tried at once.
const adminToken = config.adminToken ?? randomBytes(18).toString('base64url');

const server = await startDemo({
  port: config.port,
  host: config.host ?? '127.0.0.1',
  databaseUrl: args.database,
  dataDir: config.dataDir,
  adminToken,
  postOrigins: config.postOrigins,
  rateLimitPerMinute: config.rateLimitPerMinute,
  cacheTtlMs: config.cacheTtlMs,
  maxAgeSeconds: config.maxAgeSeconds,
  apiDelayMs: Number(process.env.API_DELAY_MS ?? 0),
  smtpUrl: config.smtpUrl,
  mailFrom: config.mailFrom,
}).catch((error: unknown) => {
  // A folder in use or an unreachable PostgreSQL: say so plainly, without a stack trace.
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
if (server.seeded) console.log('Seeded the demo data (once; later starts keep what was written)');
closeOnSignals(server);
console.log(`Verity demo shop: ${server.url}`);
console.log(`Review API:       ${server.url}/v1/businesses/nordlys/summary`);
console.log(
  `Admin token:      ${config.adminToken ? '(VERITY_ADMIN_TOKEN)' : `${adminToken}  (this run only; set VERITY_ADMIN_TOKEN to choose one)`}`,
);
console.log(`Moderation queue: curl -H "Authorization: Bearer …" ${server.url}/v1/admin/businesses/nordlys/reviews`);
console.log(
  `Outbox:           ${config.smtpUrl ? 'e-mail goes to SMTP_URL' : 'no SMTP_URL: invitations wait in the outbox'}, ${server.url}/dashboard/outbox`,
);
console.log(`Dashboard:        ${server.url}/dashboard/`);
console.log(`  Sign in as the shop's owner (${DEMO_OWNER}) with this one-time link, valid for 15 minutes:`);
console.log(`  ${await server.ownerSignInLink()}`);

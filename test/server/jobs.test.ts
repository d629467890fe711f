/**
 * The job workers' guarantees (SPEC §7): several server processes on one PostgreSQL never send one
 * step twice; a restart in the middle loses nothing and sends nothing twice; a process killed
 * while handing a message to the SMTP server never makes it arrive twice (at most once: the
 * message is failed after its lease, with the reason kept). Real processes, a real SMTP server.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { recordOrders } from '../../server/db/orders.js';
import { upsertBusiness } from '../../server/db/businesses.js';
import { createJobs } from '../../server/jobs/index.js';
import type { Database } from '../../server/db/database.js';
import { BACKENDS, DATABASE_URL, SKIP_POSTGRES, bossSchema, dispose, freshDatabase, reopen } from './helpers.js';
import type { TestDatabase } from './helpers.js';
import { eventually, startSmtp } from './smtp.js';
import type { TestSmtp } from './smtp.js';

const DAY = 24 * 60 * 60 * 1000;

/** A business with `count` orders whose invitations are due now. */
async function dueOrders(database: Database, business: string, count: number) {
  const now = new Date();
  await upsertBusiness(database.db, { id: business, name: `Shop ${business}`, url: 'https://shop.example' }, now);
  const batch = await recordOrders(
    database.db,
    business,
    Array.from({ length: count }, (_, i) => ({
      row: i + 1,
      input: {
        orderRef: `O-${i}`,
        email: `customer-${i}@mail.example`,
        purchasedAt: new Date(now.getTime() - 8 * DAY).toISOString(),
      },
    })),
    now,
  );
  assert.equal(batch.recorded.length, count);
}

/** Each recipient's number of messages. */
function perRecipient(smtp: TestSmtp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { to } of smtp.received) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

function worker(database: TestDatabase, smtp: TestSmtp, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/fixtures/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: DATABASE_URL!,
      VERITY_TEST_SCHEMA: database.schema!,
      VERITY_BOSS_SCHEMA: bossSchema(database),
      SMTP_URL: smtp.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the worker exited (${code})`)));
  });
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

describe('two server processes on one PostgreSQL', { skip: SKIP_POSTGRES }, () => {
  let database: TestDatabase | undefined;
  let smtp: TestSmtp | undefined;
  const children: ChildProcess[] = [];
  after(async () => {
    for (const child of children) await stopped(child, 'SIGKILL');
    await smtp?.close();
    await dispose(database);
  });

  it('send each of 50 due invitations exactly once', async () => {
    database = await freshDatabase('postgres');
    smtp = await startSmtp();
    // pg-boss's tables exist before the two processes race to use them.
    const setup = createJobs(database.db, () => new Date(), { schema: bossSchema(database), tickSeconds: 0 });
    await setup.start();
    await setup.stop();
    await dueOrders(database, 'twin', 50);
    children.push(...(await Promise.all([worker(database, smtp), worker(database, smtp)])));
    await smtp.waitFor(50, 60_000);
    // Time for a second delivery of anything, were there one.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const counts = perRecipient(smtp);
    assert.equal(counts.size, 50);
    assert.ok(
      [...counts.values()].every((n) => n === 1),
      JSON.stringify([...counts].filter(([, n]) => n > 1)),
    );
    const rows = await database.db.selectFrom('outbox').select(['status']).execute();
    assert.equal(rows.length, 50);
    assert.ok(rows.every((r) => r.status === 'sent'));
    const business = await database.db
      .selectFrom('businesses')
      .select(['orders_invited', 'orders_recorded'])
      .where('id', '=', 'twin')
      .executeTakeFirstOrThrow();
    assert.deepEqual(business, { orders_invited: 50, orders_recorded: 50 });
    for (const child of children.splice(0)) await stopped(child, 'SIGTERM');
  });

  it('a process killed mid-delivery never makes a message arrive twice', async () => {
    // A slow SMTP server, so the kill lands while messages are being handed over.
    await smtp!.close();
    smtp = await startSmtp({ delayMs: 150 });
    await dueOrders(database!, 'crash', 30);
    const first = await worker(database!, smtp);
    children.push(first);
    await smtp.waitFor(5, 30_000);
    await stopped(first, 'SIGKILL');
    assert.ok(smtp.received.length < 30, `the kill came in the middle (${smtp.received.length} of 30)`);
    const second = await worker(database!, smtp, { VERITY_LEASE_SECONDS: '1' });
    children.push(second);
    const outbox = async () =>
      database!.db
        .selectFrom('outbox')
        .select(['to_address', 'status', 'last_error'])
        .where('business_id', '=', 'crash')
        .execute();
    const settled = await eventually(async () => {
      const rows = await outbox();
      return rows.length === 30 && rows.every((r) => r.status === 'sent' || r.status === 'failed') && rows;
    }, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const counts = perRecipient(smtp);
    assert.ok(
      [...counts.values()].every((n) => n === 1),
      'never twice',
    );
    for (const row of settled) {
      if (row.status === 'failed') assert.match(row.last_error!, /^Interrupted/);
    }
    // Whatever the kill interrupted is failed and counted, never lost silently or sent again.
    const sent = settled.filter((r) => r.status === 'sent').length;
    const failed = settled.length - sent;
    assert.ok(sent >= counts.size - failed && counts.size >= sent, `${sent} sent, ${counts.size} arrived`);
    const business = await database!.db
      .selectFrom('businesses')
      .select(['invitations_failed'])
      .where('id', '=', 'crash')
      .executeTakeFirstOrThrow();
    assert.equal(business.invitations_failed, failed);
    if (process.env.VERITY_TEST_VERBOSE) console.log(`killed: ${sent} sent, ${failed} interrupted`);
  });
});

for (const { backend, skip } of BACKENDS) {
  describe(`a restart in the middle on ${backend}`, { skip }, () => {
    let database: TestDatabase | undefined;
    let reopened: Database | undefined;
    let smtp: TestSmtp | undefined;
    after(async () => {
      await smtp?.close();
      await reopened?.close();
      await database?.remove();
    });

    it('loses nothing and sends nothing twice', async () => {
      database = await freshDatabase(backend);
      smtp = await startSmtp({ delayMs: 30 });
      await dueOrders(database, 'restart', 40);
      const settings = {
        smtpUrl: smtp.url,
        schema: bossSchema(database),
        tickSeconds: 0,
        pollingSeconds: 0.5,
        logError: () => {},
      };
      const first = createJobs(database.db, () => new Date(), settings);
      await first.start();
      await first.runDue();
      await smtp.waitFor(5, 30_000);
      // A clean stop: steps and deliveries in progress finish, the rest waits in the database.
      await first.stop();
      await database.close();
      const before = smtp.received.length;
      assert.ok(before < 40, `the restart came in the middle (${before} of 40)`);

      reopened = await reopen(database);
      const second = createJobs(reopened.db, () => new Date(), settings);
      await second.start();
      try {
        await second.runDue();
        await smtp.waitFor(40, 60_000);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const counts = perRecipient(smtp);
        assert.equal(counts.size, 40);
        assert.ok([...counts.values()].every((n) => n === 1));
        const statuses = await reopened.db.selectFrom('outbox').select('status').execute();
        assert.deepEqual(
          statuses.map((s) => s.status),
          Array(40).fill('sent'),
        );
      } finally {
        await second.stop();
      }
    });
  });
}

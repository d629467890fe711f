/**
 * The job workers (SPEC §7): durable queues in the server's own database through pg-boss 10, on
 * PGlite and PostgreSQL alike (pg-boss runs its SQL through the same connection pool as the
 * API, via Kysely).
 *
 * The design, and why:
 * - The database says what is due. Each invitation has its next step and when it is due by the
 *   server's injectable clock. A sweeper (every `tickSeconds`, and `runDue()` on demand) hands
 *   the due steps to the queue — one job per step, singleton key `<invitation>:<step>` — in the
 *   same transaction that marks them queued. pg-boss's own wall-clock `startAfter` is not what
 *   decides when an invitation goes out: tests move the clock days ahead and call `runDue()`.
 * - Each step is a guarded state change with its message written to the outbox in the same
 *   transaction (see `steps.ts`); each message is delivered by a job of its own, retried with
 *   backoff, and at most once (see `db/outbox.ts`). So a restart loses nothing (a step not yet
 *   taken is still due, a message not yet delivered is still pending) and several servers never
 *   take one step twice.
 */
import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import {
  claimMessages,
  failInterrupted,
  failMessage,
  markRetry,
  markSent,
  messageIdOf,
  queueWrittenMessages,
} from '../db/outbox.js';
import { removeUnproven } from '../db/identity.js';
import { deleteUnconfirmed } from '../db/reviewer.js';
import type { Tables } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { smtpFailure, smtpMailer } from '../mail/mailer.js';
import { queueDueSteps, takeSteps } from './steps.js';
import type { DueStep, StepSettings } from './steps.js';

export const STEP_QUEUE = 'invitation-step';
export const DELIVERY_QUEUE = 'mail-delivery';

export interface JobSettings {
  /** `SMTP_URL`; without it (and without `mailer`) every message is held in the outbox. */
  smtpUrl?: string | undefined;
  /** A mailer of one's own instead of `smtpUrl` (tests, other transports). */
  mailer?: Mailer | undefined;
  /** The sender's address (`MAIL_FROM`); the display name is the shop's. */
  from?: string | undefined;
  /** The public base URL of this server, for opt-out links (`VERITY_PUBLIC_URL`). */
  publicUrl?: string | undefined;
  /** pg-boss's schema (default `boss`): one per test suite on a shared PostgreSQL. */
  schema?: string | undefined;
  /** How often the sweeper looks for due steps (default 30 s; 0: only `runDue()`). */
  tickSeconds?: number | undefined;
  /** How often idle workers ask for jobs (default 2 s). */
  pollingSeconds?: number | undefined;
  /** Delivery attempts of one message, the first included (default 5), and the first retry's delay (60 s, then doubling). */
  attempts?: number | undefined;
  retryDelaySeconds?: number | undefined;
  /** After this long a message left `sending` by a process that died is failed (default 10 min). */
  leaseSeconds?: number | undefined;
  /** Delivery workers per process, each handing up to 10 messages at once to the SMTP pool (default 2). */
  deliveryConcurrency?: number | undefined;
  logError?: ((error: unknown) => void) | undefined;
  /** Told when a job changed what the public sees (a review removed), so this process's cache follows at once. */
  changed?: ((business: string, review: string) => void) | undefined;
}

export interface Jobs {
  /** Starts pg-boss (creating its tables on first use) and the workers. */
  start(): Promise<void>;
  /** Stops the workers, letting steps and deliveries in progress finish; call before closing the database. */
  stop(): Promise<void>;
  /** Hands every step due now (by the server's clock) to the queue; answers how many. */
  runDue(): Promise<number>;
  /** Whether messages are only held in the outbox (no SMTP server). */
  readonly holdsMail: boolean;
  /** A sweep soon, if the workers run in this process (a request wrote a message to send). */
  wake(): void;
}

const DEFAULT_FROM = 'reviews@localhost';
const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/** pg-boss's connection: every statement through Kysely (inside `trx` when given). */
function bossDb(db: Kysely<Tables> | Transaction<Tables>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

export function createJobs(db: Kysely<Tables>, now: () => Date, settings: JobSettings = {}): Jobs {
  const mailer = settings.mailer ?? (settings.smtpUrl ? smtpMailer(settings.smtpUrl) : undefined);
  const from = settings.from ?? DEFAULT_FROM;
  const attempts = Math.max(1, settings.attempts ?? 5);
  const retryDelay = settings.retryDelaySeconds ?? 60;
  const leaseMs = (settings.leaseSeconds ?? 600) * 1000;
  const pollingIntervalSeconds = settings.pollingSeconds ?? 2;
  const logError = settings.logError ?? ((error: unknown) => console.error('Jobs:', error));
  const publicHost = new URL(settings.publicUrl ?? DEFAULT_PUBLIC_URL).hostname || 'localhost';

  const boss = new PgBoss({
    db: bossDb(db),
    schema: settings.schema ?? 'boss',
    // No cron: the sweeper below runs on the server's clock. Maintenance archives old jobs.
    schedule: false,
    supervise: true,
  });
  boss.on('error', logError);

  const steps: StepSettings = {
    db,
    now,
    publicUrl: settings.publicUrl ?? DEFAULT_PUBLIC_URL,
    holdMail: !mailer,
    queueDelivery: async (trx, ids) => {
      await boss.insert(
        ids.map((id) => ({ name: DELIVERY_QUEUE, data: { id }, singletonKey: String(id) })),
        { db: bossDb(trx) },
      );
    },
  };
  const queueSteps = async (trx: Transaction<Tables>, due: DueStep[]) => {
    await boss.insert(
      due.map((d) => ({ name: STEP_QUEUE, data: d, singletonKey: `${d.id}:${d.step}` })),
      { db: bossDb(trx) },
    );
  };

  /**
   * Delivers a batch: claimed together (so no other worker can take them), handed to the SMTP
   * pool at once, and those it took marked sent together. A message the server refused for now
   * goes back to `pending` and its job to pg-boss's retry with backoff; a refusal that is final,
   * or the last attempt, fails it with the server's answer.
   */
  async function deliver(batch: PgBoss.Job<{ id: number }>[]): Promise<void> {
    if (!mailer) return;
    const claimed = await claimMessages(
      db,
      batch.map((job) => job.data.id),
      new Date(),
    );
    const outcomes = await Promise.all(
      claimed.map(async (message) => {
        try {
          await mailer.send({
            from: { name: message.business_name.replace(/[\r\n]+/g, ' '), address: from },
            to: message.to_address,
            subject: message.subject,
            text: message.text_body,
            html: message.html_body,
            headers: message.headers,
            messageId: messageIdOf(message, publicHost),
          });
          return { message, failure: undefined };
        } catch (error) {
          return { message, failure: smtpFailure(error) };
        }
      }),
    );
    await markSent(
      db,
      outcomes.filter((o) => !o.failure).map((o) => o.message.id),
      publicHost,
      now(),
    );
    for (const { message, failure } of outcomes) {
      if (!failure) continue;
      if (failure.retry && message.attempts < attempts) {
        await markRetry(db, message.id, failure.answer);
        const job = batch.find((j) => j.data.id === message.id)!;
        await boss.fail(DELIVERY_QUEUE, job.id, { message: `SMTP: ${failure.answer}` });
      } else {
        await db
          .transaction()
          .execute((trx) => failMessage(trx, message.id, 'sending', failure.answer, now(), failure.bounce));
      }
    }
  }

  let timer: NodeJS.Timeout | undefined;
  const stepWorkers: string[] = [];
  const deliveryWorkers: string[] = [];
  const wake = (ids: string[]) => {
    for (const id of ids) boss.notifyWorker(id);
  };
  let started = false;
  let starting: Promise<void> | undefined;
  let sweeping: Promise<number> | undefined;
  let sweepAgain = false;

  async function sweep(): Promise<number> {
    const wallNow = new Date();
    await failInterrupted(db, wallNow, leaseMs, now());
    await deleteUnconfirmed(db, now());
    for (const { business, review } of await removeUnproven(db, now())) settings.changed?.(business, review);
    // Messages written by requests (a reviewer's confirmation): held, or handed to delivery.
    const messages = await queueWrittenMessages(db, !mailer, steps.queueDelivery);
    if (messages > 0) wake(deliveryWorkers);
    const queued = await queueDueSteps(db, now(), wallNow, 60 * 60 * 1000, queueSteps);
    if (queued > 0) wake(stepWorkers);
    return queued;
  }

  const jobs: Jobs = {
    holdsMail: !mailer,
    start() {
      starting ??= (async () => {
        started = true;
        await boss.start();
        await boss.createQueue(STEP_QUEUE, {
          name: STEP_QUEUE,
          policy: 'stately',
          retryLimit: 3,
          retryDelay: 5,
          retryBackoff: true,
        });
        await boss.createQueue(DELIVERY_QUEUE, {
          name: DELIVERY_QUEUE,
          policy: 'stately',
          retryLimit: attempts - 1,
          retryDelay,
          retryBackoff: true,
        });
        // A worker that found jobs asks again at once instead of waiting out its polling interval;
        // steps that queue deliveries wake the delivery workers of this process.
        stepWorkers.push(
          await boss.work<DueStep>(STEP_QUEUE, { pollingIntervalSeconds, batchSize: 50 }, async (batch) => {
            await takeSteps(
              steps,
              batch.map((job) => job.data),
            );
            if (batch.length > 0) wake([...stepWorkers, ...deliveryWorkers]);
          }),
        );
        // A process without an SMTP server holds its messages; it leaves other servers' deliveries alone.
        for (let i = 0; mailer && i < (settings.deliveryConcurrency ?? 2); i += 1) {
          deliveryWorkers.push(
            await boss.work<{ id: number }>(
              DELIVERY_QUEUE,
              { pollingIntervalSeconds, batchSize: 10 },
              async (batch) => {
                await deliver(batch);
                if (batch.length > 0) wake(deliveryWorkers);
              },
            ),
          );
        }
        const tick = settings.tickSeconds ?? 30;
        if (tick > 0) {
          timer = setInterval(() => {
            void jobs.runDue().catch(logError);
          }, tick * 1000);
          timer.unref();
        }
      })();
      return starting;
    },
    async stop() {
      // A stop during the start waits for it, so pg-boss is never left running on a closed pool.
      await starting?.catch(() => undefined);
      starting = undefined;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (!started) return;
      started = false;
      await sweeping?.catch(() => 0);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
      stepWorkers.length = 0;
      deliveryWorkers.length = 0;
      mailer?.close();
    },
    wake() {
      if (!started) return;
      // A sweep under way may have passed the step that looks for new messages: one more after it.
      if (sweeping) sweepAgain = true;
      else void jobs.runDue().catch(logError);
    },
    runDue() {
      // One sweep at a time per process: a tick that finds one running waits for it.
      sweeping ??= sweep().finally(() => {
        sweeping = undefined;
        if (sweepAgain && started) {
          sweepAgain = false;
          void jobs.runDue().catch(logError);
        }
      });
      return sweeping;
    },
  };
  return jobs;
}

/**
 * Databases and live servers for the server's tests. Creating a PGlite database takes seconds, so
 * one migrated, empty database is made once per machine (a template keyed by the migrations and
 * the PGlite version) and copied for each suite; reopening a copy takes well under a second.
 * PostgreSQL (with DATABASE_URL) gets a schema of its own per suite, dropped afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../../server/app.js';
import type { AppOptions, VerityApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/database.js';
import type { Database } from '../../server/db/database.js';
import { listen } from '../../server/serve.js';
import { seedDemo } from '../../server/seed.js';
import type { FixtureOptions } from '../../src/mocks/fixtures.js';
import { readAnswer } from '../helpers/http.js';
import type { Answer as SharedAnswer } from '../helpers/http.js';

export type Backend = 'pglite' | 'postgres';

export const DATABASE_URL = process.env.DATABASE_URL || undefined;
export const SKIP_POSTGRES = DATABASE_URL
  ? false
  : 'DATABASE_URL is not set: the PostgreSQL run is skipped (CI sets it; see .ci/run)';

/** The backends to run a suite on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const BACKENDS: { backend: Backend; skip: string | false }[] = [
  { backend: 'pglite', skip: false },
  { backend: 'postgres', skip: SKIP_POSTGRES },
];

function templateDir(): string {
  // Its exports do not include package.json; the resolved entry lives inside the package folder.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const root = entry.slice(
    0,
    entry.lastIndexOf(join('@electric-sql', 'pglite')) + join('@electric-sql', 'pglite').length,
  );
  const pglite = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const migrations = readFileSync(new URL('../../server/db/migrations.ts', import.meta.url));
  const key = createHash('sha256').update(pglite.version).update(migrations).digest('hex').slice(0, 16);
  return join(tmpdir(), `verity-pglite-template-${key}`);
}

async function pgliteTemplate(): Promise<string> {
  const template = templateDir();
  if (existsSync(template)) return template;
  const building = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ dataDir: building });
  await database.close();
  try {
    renameSync(building, template);
  } catch {
    // Another test process finished its template first: use that one.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

export interface TestDatabase extends Database {
  /** PGlite's folder (to reopen it); undefined on PostgreSQL. */
  dataDir: string | undefined;
  /** PostgreSQL's schema for this suite; undefined on PGlite. */
  schema: string | undefined;
  /** Deletes the database; call after `close()`. */
  remove(): Promise<void>;
}

/** A fresh, migrated, empty database. */
export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'postgres') {
    if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
    const schema = `verity_test_${randomBytes(6).toString('hex')}`;
    const database = await openDatabase({ url: DATABASE_URL, schema });
    return {
      ...database,
      dataDir: undefined,
      schema,
      async remove() {
        const client = new pg.Client({ connectionString: DATABASE_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.query(`DROP SCHEMA IF EXISTS "${schema}_boss" CASCADE`);
        await client.end();
      },
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'verity-test-db-'));
  const dataDir = join(folder, 'db');
  cpSync(await pgliteTemplate(), dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  return {
    ...database,
    dataDir,
    schema: undefined,
    async remove() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** pg-boss's schema for a test database: its own on a shared PostgreSQL. */
export function bossSchema(database: TestDatabase): string {
  return database.schema ? `${database.schema}_boss` : 'boss';
}

/** Closes and deletes a test database. */
export async function dispose(database: TestDatabase | undefined): Promise<void> {
  if (!database) return;
  await database.close();
  await database.remove();
}

/** Opens an existing test database again (a restart). */
export async function reopen(database: TestDatabase): Promise<Database> {
  if (database.dataDir) return openDatabase({ dataDir: database.dataDir });
  return openDatabase({ url: DATABASE_URL, schema: database.schema });
}

export const ADMIN_TOKEN = `test-admin-${randomBytes(8).toString('hex')}`;

export interface TestServer extends VerityApp {
  url: string;
  database: Database;
  /** Stops the server; the database stays open. */
  stop(): Promise<void>;
}

/** A live server on a free loopback port. */
export async function startServer(
  database: Database,
  options: Partial<AppOptions> & { seed?: FixtureOptions | false } = {},
): Promise<TestServer> {
  const { seed, ...appOptions } = options;
  if (seed !== false && seed !== undefined) await seedDemo(database.db, seed);
  // No rate limits unless a test asks for one: the suites send far more than one client would.
  const verity = createApp({
    db: database.db,
    adminToken: ADMIN_TOKEN,
    rateLimit: false,
    adminFailureLimit: false,
    hookFailureLimit: false,
    ...appOptions,
  });
  // The server closes the database it was given; a test closes (and removes) it itself.
  const running = await listen(verity.app, { ...database, close: async () => {} }, 0, '127.0.0.1');
  return { ...verity, url: running.url, database, stop: () => running.close() };
}

// Server tests read answers loosely: `json` is `any`.
export type Answer = SharedAnswer<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small fetch wrapper: JSON in, status + parsed JSON out. */
export function caller(base: string, defaults: Record<string, string> = {}) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...defaults,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return readAnswer(response);
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A valid submission, with overrides. */
export const submission = (overrides: Record<string, unknown> = {}) => ({
  rating: 4,
  title: 'Good coffee',
  body: 'The beans arrived quickly and tasted fresh. I would buy them again.',
  authorName: 'Server Tester',
  email: 'tester@mail.example',
  experiencedAt: today(),
  language: 'en',
  consent: true,
  website: '',
  ...overrides,
});

export const key = () => `test-${randomBytes(8).toString('hex')}`;

/** The links in the confirmation e-mail of a spontaneous review, read from the outbox as its author gets them. */
export async function reviewerLinks(
  db: Database['db'],
  reviewId: string,
): Promise<{ confirm: string; manage: string; confirmToken: string; manageToken: string }> {
  const message = await db
    .selectFrom('outbox')
    .select('text_body')
    .where('review_id', '=', reviewId)
    .where('kind', '=', 'confirmation')
    .executeTakeFirstOrThrow();
  const confirm = /(\S+\/reviewer\/confirm\?token=[\w-]+)/.exec(message.text_body)?.[1];
  const manage = /(\S+\/reviewer\/manage\?token=[\w-]+)/.exec(message.text_body)?.[1];
  if (!confirm || !manage) throw new Error(`no reviewer links in:\n${message.text_body}`);
  const token = (url: string) => new URL(url).searchParams.get('token')!;
  return { confirm, manage, confirmToken: token(confirm), manageToken: token(manage) };
}

/** Confirms a spontaneous review with the token of its confirmation e-mail, as its author does. */
export async function confirmByEmail(base: string, db: Database['db'], reviewId: string): Promise<void> {
  const { confirmToken } = await reviewerLinks(db, reviewId);
  const response = await fetch(`${base}/v1/reviewer/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${confirmToken}` },
  });
  if (response.status !== 200) throw new Error(`confirming ${reviewId}: ${response.status} ${await response.text()}`);
}

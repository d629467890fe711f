/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, otherwise PGlite (PostgreSQL
 * compiled to WebAssembly) in a folder, which needs nothing installed. Both go through Kysely's
 * own PostgresDialect over a `pg.Pool` (PGlite ships a node-postgres adapter), so every query is
 * the same SQL on both.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations.js';
import type { Tables } from './schema.js';

export interface DatabaseOptions {
  /** `postgres://…`: use PostgreSQL. Without it, PGlite in `dataDir`. */
  url?: string | undefined;
  /** PGlite's folder; created when missing, kept across restarts. */
  dataDir?: string | undefined;
  /** PostgreSQL only: a schema of its own (created when missing), e.g. for a test run. */
  schema?: string | undefined;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number | undefined;
}

export interface Database {
  db: Kysely<Tables>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * `date` stays `YYYY-MM-DD` (pg would make a local-midnight Date of it, off by a day east or west
 * of UTC), and `count(*)`/`sum()` (int8) become numbers: counts here stay far below 2^53.
 */
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url ? await openPostgres(options.url, options) : await openPglite(options.dataDir);
  try {
    await migrate(database.db as Kysely<unknown>, options.url ? options.schema : undefined);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (!dataDir) throw new Error('PGlite needs a data folder (or set DATABASE_URL for PostgreSQL)');
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockFolder(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }
  // The adapter's config is a class instance with a single shared connection: a pool of one.
  const pool = new pg.Pool({ ...createPgConfig(pglite), types } as pg.PoolConfig);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file with our pid refuses that, and a lock left by a process that died is taken over.
 */
function lockFolder(dataDir: string): () => void {
  const lock = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (pid && isAlive(pid)) {
        throw new Error(`The database in ${dataDir} is in use by process ${pid}; stop it or use another folder`, {
          cause: error,
        });
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

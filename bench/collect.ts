// The business side of `npm run bench:server`: importing a CSV of 100,000 orders through the
// admin route (rows/s and the process's peak memory), and scheduling plus sending 10,000
// invitations through the job workers into an SMTP server in the same process (messages/s).
// On PGlite, like the rest of the benchmark; each measured BENCH_ROUNDS times on a business of
// its own, reported as the median and the spread.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../server/app.js';
import { upsertBusiness } from '../server/db/businesses.js';
import { openDatabase } from '../server/db/database.js';
import { recordOrders } from '../server/db/orders.js';
import { createJobs } from '../server/jobs/index.js';

const DAY = 24 * 60 * 60 * 1000;
const TOKEN = 'bench-admin-token';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

const spread = (runs: number[]): Spread => {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs };
};

function ordersCsv(count: number, now: Date): string {
  const lines = ['orderRef,email,purchasedAt,product,customerName,locale'];
  const locales = ['en', 'sv-SE', 'cs', 'de-DE'];
  for (let i = 0; i < count; i += 1) {
    // Bought in the last hours: their invitations come due next week, not during the sending below.
    const purchased = new Date(now.getTime() - (i % 600) * 60 * 1000).toISOString();
    lines.push(`ORD-${i},customer-${i}@mail.example,${purchased},,"Customer ${i}, Jr.",${locales[i % 4]}`);
  }
  return `${lines.join('\n')}\n`;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
/** JavaScript's own memory: the heap and the buffers outside it (PGlite's WebAssembly memory is in RSS only). */
const jsBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** The process's peak memory while `work` runs, sampled every 10 ms: resident, and JavaScript's growth. */
async function peakMemory<T>(work: () => Promise<T>) {
  const baseJs = jsBytes();
  let peakRss = process.memoryUsage().rss;
  let peakJs = baseJs;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakJs = Math.max(peakJs, jsBytes());
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return { result, peakMb: mb(peakRss), jsGrowthMb: mb(peakJs - baseJs) };
  } finally {
    clearInterval(timer);
  }
}

export interface CollectResults {
  csv: { rows: number; fileMb: number; rowsPerSecond: Spread; peakRssMb: Spread; jsHeapGrowthMb: Spread };
  invitations: { messages: number; messagesPerSecond: Spread };
}

export async function benchCollect(rounds: number, rows = 100_000, messages = 10_000): Promise<CollectResults> {
  const folder = mkdtempSync(join(tmpdir(), 'verity-bench-collect-'));
  const database = await openDatabase({ dataDir: join(folder, 'db') });
  try {
    const now = new Date();
    const { app } = createApp({ db: database.db, adminToken: TOKEN, rateLimit: false, cacheTtlMs: 0 });
    const csv = ordersCsv(rows, now);
    const fileMb = Math.round(Buffer.byteLength(csv) / 1e5) / 10;
    const rates: number[] = [];
    const peaks: number[] = [];
    const growth: number[] = [];
    console.log(`\nImporting a CSV of ${rows.toLocaleString('en')} orders (${fileMb} MB) through the admin route:`);
    for (let round = 0; round < rounds; round += 1) {
      const id = `csv-${round}`;
      await upsertBusiness(database.db, { id, name: `CSV ${round}`, url: 'https://csv.example' }, now);
      global.gc?.();
      const started = performance.now();
      const { result, peakMb, jsGrowthMb } = await peakMemory(async () => {
        const response = await app.request(`/v1/admin/businesses/${id}/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
          body: csv,
        });
        return (await response.json()) as { accepted: number };
      });
      const seconds = (performance.now() - started) / 1000;
      if (result.accepted !== rows) throw new Error(`accepted ${result.accepted} of ${rows}`);
      rates.push(Math.round(rows / seconds));
      peaks.push(peakMb);
      growth.push(jsGrowthMb);
      console.log(
        `  run ${round + 1}: ${rates.at(-1)} rows/s, peak RSS ${peakMb} MB, JavaScript heap +${jsGrowthMb} MB at most`,
      );
    }

    // An SMTP server that takes everything and counts it.
    let received = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          received += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    const sendRates: number[] = [];
    console.log(`\nScheduling and sending ${messages.toLocaleString('en')} invitations into an SMTP server:`);
    const jobs = createJobs(database.db, () => new Date(), {
      smtpUrl: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
      tickSeconds: 0,
      pollingSeconds: 0.5,
    });
    await jobs.start();
    try {
      for (let round = 0; round < rounds; round += 1) {
        const id = `send-${round}`;
        await upsertBusiness(database.db, { id, name: `Send ${round}`, url: 'https://send.example' }, now);
        const purchasedAt = new Date(Date.now() - 8 * DAY).toISOString();
        for (let i = 0; i < messages; i += 5000) {
          await recordOrders(
            database.db,
            id,
            Array.from({ length: Math.min(5000, messages - i) }, (_, j) => ({
              row: i + j,
              input: { orderRef: `S-${i + j}`, email: `s-${i + j}@mail.example`, purchasedAt },
            })),
            new Date(),
          );
        }
        const before = received;
        const started = performance.now();
        await jobs.runDue();
        while (received - before < messages) await new Promise((resolve) => setTimeout(resolve, 20));
        const seconds = (performance.now() - started) / 1000;
        sendRates.push(Math.round(messages / seconds));
        console.log(`  run ${round + 1}: ${sendRates.at(-1)} messages/s (${seconds.toFixed(1)} s)`);
      }
    } finally {
      await jobs.stop();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
    return {
      csv: {
        rows,
        fileMb,
        rowsPerSecond: spread(rates),
        peakRssMb: spread(peaks),
        jsHeapGrowthMb: spread(growth),
      },
      invitations: { messages, messagesPerSecond: spread(sendRates) },
    };
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

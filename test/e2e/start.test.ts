/**
 * `npm start` as a new user runs it: it keeps to its own data (never the DATABASE_URL of the
 * environment, which may be a real shop's), listens on the loopback interface only, and shows
 * reviews that read like a real coffee shop's, each under the product it speaks of.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

interface Listed {
  items: { title: string | null; body: string; product: string | null }[];
}

describe('npm start', () => {
  let child: ChildProcess;
  let dataDir: string;
  let url = '';
  let output = '';

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verity-start-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // A database the demo must not touch: a real one would be seeded with public tokens.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/a-real-shop',
        HOST: '',
        PORT: '0',
        VERITY_DATA_DIR: dataDir,
        VERITY_ADMIN_TOKEN: 'start-test',
        SMTP_URL: '',
      },
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start banner:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Verity demo shop: +(\S+)/.exec(output);
        // The banner ends with the owner's sign-in link.
        if (found && /sign-in\?token=\S+\n/.test(output)) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps to its own database and says why it ignored DATABASE_URL', () => {
    assert.match(output, /DATABASE_URL is set, but the demo keeps to its own data/);
  });

  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("prints a one-time link that signs the shop's owner in to the dashboard", async () => {
    const link = /(http:\/\/\S+\/dashboard\/sign-in\?token=\S+)/.exec(output)?.[1];
    assert.ok(link, `a sign-in link in the banner:\n${output}`);
    const token = new URL(link).searchParams.get('token');
    const response = await fetch(`${url}/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ token }),
    });
    assert.equal(response.status, 200);
    const me = (await response.json()) as { memberships: { business: { id: string }; role: string }[] };
    assert.deepEqual(
      me.memberships.map((m) => [m.business.id, m.role]),
      [['nordlys', 'owner']],
    );
  });

  it("fills the outbox with the demo orders' invitations within seconds, one per language", async () => {
    let items: { to: string; subject: string; status: string }[] = [];
    for (let i = 0; i < 60 && items.length < 4; i += 1) {
      const response = await fetch(`${url}/v1/admin/businesses/nordlys/outbox`, {
        headers: { authorization: 'Bearer start-test' },
      });
      items = ((await response.json()) as { items: typeof items }).items;
      if (items.length < 4) await new Promise((done) => setTimeout(done, 500));
    }
    assert.equal(items.length, 4, 'four invitations');
    assert.ok(
      items.every((m) => m.status === 'held'),
      'held: no SMTP server',
    );
    const subjects = items.map((m) => m.subject).join(' | ');
    assert.match(subjects, /Nordlys Kaffe/);
    assert.ok(new Set(items.map((m) => m.subject)).size === 4, `a subject per language: ${subjects}`);
  });

  it('shows reviews that read like a coffee shop, under the product they speak of', async () => {
    const all: Listed['items'] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await fetch(
        `${url}/v1/businesses/nordlys/reviews?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      const page = (await response.json()) as Listed & { nextCursor: string | null };
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(all.length > 100, 'the demo shop has reviews');
    for (const review of all) {
      const text = `${review.title ?? ''} ${review.body}`;
      assert.doesNotMatch(
        text,
        /<[a-z/]|javascript:|[\u202A-\u202E\u200B]|\{\{|\$\{/i,
        `a test text in the demo: ${text}`,
      );
      if (review.product === 'NK-ESPRESSO-1KG') assert.doesNotMatch(text, /grinder|kvarn|mühle|mlýn/i, text);
      if (review.product === 'NK-GRINDER') assert.doesNotMatch(text, /espresso|filter roast|crema/i, text);
    }
  });
});

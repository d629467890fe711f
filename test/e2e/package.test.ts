/**
 * The npm package as a front-end developer uses it: `npm pack`ed, installed into an app's
 * node_modules, bundled by Vite, and run in Chromium, Firefox and WebKit against the real review
 * server. One page renders the widgets through `verity-reviews/react` (with a typed event
 * handler), the other registers the tags with `verity-reviews/define` and writes them in plain
 * HTML. On both a shopper writes a review, the shop approves it, and the list shows it.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { startDemo } from '../../scripts/demo-server.js';
import type { DemoServer } from '../../scripts/demo-server.js';
import { describeEachEngine, waitFor } from './drivers.js';
import { startSmtp } from '../server/smtp.js';
import type { TestSmtp } from '../server/smtp.js';
import { approveByTitle, confirmFromMail, fillAndSendForm } from './shopper.js';

const ADMIN_TOKEN = 'package-admin';
const root = new URL('../../', import.meta.url).pathname;

const PAGE = (title: string, script: string, body = '') => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title}</title><script type="module" src="./${script}"></script></head>
  <body><main>${body}</main></body>
</html>
`;

/** A Node server's use of the package: renders the product badge with `verity-reviews/ssr`. */
const SSR_SCRIPT = `import { serverRenderer } from 'verity-reviews/ssr';
const verity = serverRenderer({ api: process.argv[2], business: 'nordlys', locale: 'de' });
process.stdout.write(await verity.badge({ product: 'NK-ESPRESSO-1KG' }));
`;

const REACT_APP = `import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReviewForm, ReviewList } from 'verity-reviews/react';

function App() {
  const [sent, setSent] = useState('');
  return h('div', null,
    h(ReviewList, { business: 'nordlys', api: location.origin }),
    h(ReviewForm, {
      business: 'nordlys',
      api: location.origin,
      onVerityReviewSubmitted: (event) => setSent(event.detail.status),
    }),
    h('p', { id: 'sent' }, sent),
  );
}
createRoot(document.querySelector('main')).render(h(App));
`;

const DEFINE_APP = `import { configure } from 'verity-reviews/define';
configure({ api: location.origin, business: 'nordlys' });
`;

/** Packs the built package and installs it, with the project's own dependencies, into an app folder. */
function installPackage(app: string): void {
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, 'verity-reviews'), { recursive: true });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', app], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string }[];
  execFileSync('tar', [
    '-xzf',
    join(app, packed!.filename),
    '-C',
    join(modules, 'verity-reviews'),
    '--strip-components=1',
  ]);
  // Its dependencies (lit, zod, react, …) as an app's install would have them.
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.bin' || name.startsWith('.') || name === 'verity-reviews') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
}

describe('the npm package in an app', () => {
  let server: DemoServer;
  let smtp: TestSmtp;
  let work: string;

  before(async () => {
    smtp = await startSmtp();
    work = mkdtempSync(join(tmpdir(), 'verity-package-'));
    const app = join(work, 'app');
    mkdirSync(app);
    installPackage(app);
    writeFileSync(join(app, 'react.html'), PAGE('React shop', 'react.js'));
    writeFileSync(join(app, 'react.js'), REACT_APP);
    writeFileSync(
      join(app, 'define.html'),
      PAGE(
        'Plain page',
        'define.js',
        '<verity-review-list></verity-review-list><verity-review-form></verity-review-form>',
      ),
    );
    writeFileSync(join(app, 'define.js'), DEFINE_APP);
    writeFileSync(join(app, 'ssr.mjs'), SSR_SCRIPT);
    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      base: '/app/',
      build: {
        outDir: join(work, 'dist'),
        rolldownOptions: { input: { react: join(app, 'react.html'), define: join(app, 'define.html') } },
      },
    });
    server = await startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(work, 'data'),
      adminToken: ADMIN_TOKEN,
      rateLimitPerMinute: 0,
      maxAgeSeconds: 0,
      cacheTtlMs: 0,
      extraFolders: { '/app': join(work, 'dist') },
      smtpUrl: smtp.url,
    });
  });

  after(async () => {
    await server?.close();
    await smtp?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('verity-reviews/ssr renders a widget on a Node server', async () => {
    // Not execFileSync: the demo server answering it runs in this process.
    const { stdout: html } = await promisify(execFile)(process.execPath, ['ssr.mjs', server.url], {
      cwd: join(work, 'app'),
      encoding: 'utf8',
    });
    assert.match(
      html,
      /<verity-rating-badge[^>]* product="NK-ESPRESSO-1KG"[^>]*><template shadowroot="open" shadowrootmode="open">/,
    );
    assert.match(html, /aria-label="Bewertet mit \d,\d+ von 5"/);
    assert.match(html, /<script type="application\/json" data-verity-prefetched>/);
  });

  describeEachEngine((engine, driver) => {
    const shop = () => ({ url: server.url, adminToken: ADMIN_TOKEN });
    const listShows = (title: string) =>
      `[...document.querySelector('verity-review-list')?.shadowRoot?.querySelectorAll('article') ?? []].some((a) => a.textContent.includes(${JSON.stringify(title)}))`;

    for (const page of ['react', 'define'] as const) {
      it(`${page === 'react' ? 'verity-reviews/react' : 'verity-reviews/define'}: a review is written, approved and listed`, async () => {
        const before = server.violations.total;
        await driver.goto(`${server.url}/app/${page}.html`);
        const title = `Fresh every time (${page}, ${engine})`;
        const thanks = await fillAndSendForm(driver, {
          title,
          body: 'The beans arrive within days of roasting and it shows in the cup. Will order again.',
          authorName: `Developer in ${engine}`,
          email: `${page}-${engine}@shopper.example`,
        });
        assert.match(thanks, /thank/i);
        if (page === 'react') {
          // The typed event reached the React handler.
          await waitFor(
            driver,
            `document.querySelector('#sent')?.textContent === 'pending'`,
            'onVerityReviewSubmitted',
          );
        }
        // A review without an invitation is confirmed by its author first (double opt-in).
        await confirmFromMail(smtp, server.url, `${page}-${engine}@shopper.example`);
        await approveByTitle(shop(), 'nordlys', title);
        await driver.goto(`${server.url}/app/${page}.html`);
        await waitFor(driver, listShows(title), 'the approved review in the list');
        assert.equal(server.violations.total, before, JSON.stringify([...server.violations.counts]));
      });
    }
  });
});

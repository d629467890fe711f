/**
 * The built Storybook, as a designer opens it: `storybook-static/` (or STORYBOOK_DIR) served over
 * HTTP, every story's preview loaded in Chromium. Each story must show its elements registered
 * and rendered; the sources-only story tests cannot see a build that dropped a registration.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/browsers.js';

const dir = resolve(process.env.STORYBOOK_DIR ?? 'storybook-static');

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

/** Every element in the story is registered and has rendered something of its own. */
const RENDERED = `(() => {
  const root = document.querySelector('#storybook-root');
  const all = [...(root?.querySelectorAll('*') ?? [])].filter((el) => el.localName.startsWith('verity-'));
  if (all.length === 0) return { ready: false, why: 'no verity element in the story' };
  const undefinedTags = all.filter((el) => !customElements.get(el.localName)).map((el) => el.localName);
  if (undefinedTags.length) return { ready: false, why: 'not registered: ' + [...new Set(undefinedTags)].join(', ') };
  const empty = all.filter((el) => !el.shadowRoot || el.shadowRoot.childElementCount === 0).map((el) => el.localName);
  if (empty.length) return { ready: false, why: 'rendered nothing: ' + [...new Set(empty)].join(', ') };
  return { ready: true, why: '' };
})()`;

/** Stories of states in which a widget shows nothing at all, on purpose (a quote of no review). */
const EMPTY_BY_DESIGN = new Set(['components-review-quote--not-found', 'components-review-quote--foreign-review']);

describe('the built Storybook', () => {
  let stories: IndexEntry[] = [];
  let url = '';
  let close: () => void = () => {};
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    assert.ok(existsSync(join(dir, 'index.json')), `${dir} has no built Storybook: run npm run build-storybook`);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
    stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    const app = new Hono();
    app.use('*', serveStatic({ root: dir }));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((done) => server.once('listening', done));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => server.close();
    browser = await puppeteer.launch({
      executablePath: findBrowser('chromium').executable,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => {
      // The browser re-checks the mocks' service worker now and then; a check cut short by the next
      // story's navigation rejects in the page. A worker that truly failed to install shows as a
      // story that never renders its data, which the check below catches.
      if (/Failed to update a ServiceWorker/.test(String(error))) return;
      errors.push(String(error));
    });
  });

  after(async () => {
    await browser?.close();
    close();
  });

  it('lists a story for every component', () => {
    const titles = new Set(stories.map((story) => story.title.split('/').pop()));
    for (const name of ['Stars', 'Rating badge', 'Review list', 'Review quote', 'Review form', 'Star input']) {
      assert.ok(
        [...titles].some((title) => title?.toLowerCase() === name.toLowerCase()),
        `a story of ${name}`,
      );
    }
  });

  it('renders every story with its elements registered', async () => {
    const failures: string[] = [];
    for (const story of stories) {
      // A broken build breaks every story: a handful of them says enough.
      if (failures.length >= 5) break;
      errors.length = 0;
      await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
      let state = { ready: false, why: 'not checked' };
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        state = await (page.evaluate(RENDERED) as Promise<typeof state>).catch((error: unknown) => ({
          ready: false,
          why: String(error),
        }));
        if (state.ready) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      if (!state.ready && !(EMPTY_BY_DESIGN.has(story.id) && state.why.startsWith('rendered nothing')))
        failures.push(`${story.id}: ${state.why}`);
      if (errors.length) failures.push(`${story.id}: ${errors.join('; ')}`);
    }
    assert.ok(stories.length > 0, 'the index lists stories');
    assert.deepEqual(failures, []);
  });
});

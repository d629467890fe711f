// Browser tests run in the three engines shoppers use: Chromium (Chrome, Edge), Gecko (Firefox)
// and WebKit (Safari), all from Debian's packages. `BROWSERS=chromium` (or any comma-separated
// subset) keeps local runs quick; CI runs all three.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, startWebKitDriver } from './scripts/browsers.js';
import { totalsReporter } from './scripts/totals-reporter.js';

const require = createRequire(import.meta.url);
const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);

const browsers = [];
for (const name of wanted) {
  const browser = findBrowser(name);
  if (name === 'chromium') {
    browsers.push(
      chromeLauncher({
        puppeteer,
        launchOptions: {
          executablePath: browser.executable,
          headless: true,
          args: CHROMIUM_ARGS,
        },
      }),
    );
  } else if (name === 'firefox') {
    browsers.push(
      chromeLauncher({
        puppeteer,
        launchOptions: { browser: 'firefox', executablePath: browser.executable, headless: true },
      }),
    );
  } else if (name === 'webkit') {
    const port = await startWebKitDriver(browser);
    browsers.push(
      webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port,
        path: '/',
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': {
            binary: browser.executable,
            args: ['--automation'],
          },
        },
      }),
    );
  }
}

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  browsers,
  reporters: [defaultReporter(), totalsReporter()],
  // Two cores: one test file per browser at a time keeps the three engines from starving.
  concurrency: 1,
  concurrentBrowsers: 3,
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    {
      // `accessibility-node`: one element's node of the browser's accessibility tree (what a
      // screen reader is given: role, name, description, invalid…), found through shadow roots.
      // Chromium only; the other engines' drivers cannot tell.
      name: 'accessibility-node',
      async executeCommand({ command, payload, session }) {
        if (command !== 'accessibility-node') return undefined;
        if (session.browser.type !== 'puppeteer') return null;
        try {
          const page = session.browser.getPage(session.id);
          const root = await page.$(`pierce/${payload.selector}`);
          const node = root ? await page.accessibility.snapshot({ root, interestingOnly: false }) : null;
          return node ? { ...node, children: undefined } : null;
        } catch {
          return null;
        }
      },
    },
    {
      name: 'msw-worker',
      serve(context) {
        if (context.path === '/mockServiceWorker.js') {
          return { body: mswWorker, type: 'js' };
        }
        return undefined;
      },
    },
  ],
};

/**
 * One way to drive Chromium, Firefox and WebKit for the end-to-end tests: puppeteer-core for
 * Chromium and Firefox (WebDriver BiDi), WebKitWebDriver through webdriverio for WebKit. Scripts
 * run in the page; pointer and keyboard input is real input, sent by the browser's automation.
 */
import { after, before, describe } from 'node:test';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { CHROMIUM_ARGS, findBrowser, startWebKitDriver } from '../../scripts/browsers.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];

/** The engines this run asks for (`BROWSERS=chromium` keeps a local run quick). */
export const wantedEngines = (): Engine[] => {
  const wanted = (process.env.BROWSERS ?? ENGINES.join(',')).split(',').map((b) => b.trim());
  return ENGINES.filter((engine) => wanted.includes(engine));
};

export interface Driver {
  goto(url: string): Promise<void>;
  /** Runs an expression (or an IIFE) in the page and answers its value. */
  run<T>(script: string): Promise<T>;
  /** API requests (`METHOD url`) since the last `goto`; empty where the engine cannot tell. */
  requests(): string[];
  /** A real mouse click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** Real key presses of named keys (`ArrowRight`, `End`, `Tab`, …), one after the other. */
  press(...keys: string[]): Promise<void>;
  /** Types text into whatever has the focus. */
  type(text: string): Promise<void>;
  close(): Promise<void>;
}

async function puppeteerDriver(kind: 'chromium' | 'firefox'): Promise<Driver> {
  const { executable } = findBrowser(kind);
  const browser = await puppeteer.launch({
    browser: kind === 'firefox' ? 'firefox' : 'chrome',
    executablePath: executable,
    headless: true,
    args: kind === 'chromium' ? CHROMIUM_ARGS : [],
  });
  const page = await browser.newPage();
  let seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/')) seen.push(`${request.method()} ${request.url()}`);
  });
  return {
    async goto(url) {
      seen = [];
      await page.goto(url, { waitUntil: 'load' });
    },
    run: <T>(script: string) => page.evaluate(script) as Promise<T>,
    requests: () => seen,
    clickAt: (x, y) => page.mouse.click(x, y),
    async press(...keys) {
      // Firefox over BiDi knows the space bar only as ' '.
      for (const key of keys)
        await page.keyboard.press((key === 'Space' ? ' ' : key) as Parameters<typeof page.keyboard.press>[0]);
    },
    type: (text) => page.keyboard.type(text),
    close: () => browser.close(),
  };
}

/** WebDriver's code points for the named keys the tests use. */
const WEBDRIVER_KEYS: Record<string, string> = {
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
  Tab: '\uE004',
  Enter: '\uE007',
  Space: ' ',
  Escape: '\uE00C',
};

async function webkitDriver(): Promise<Driver> {
  const browser = findBrowser('webkit');
  const port = await startWebKitDriver(browser);
  const session = await remote({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: browser.executable, args: ['--automation'] },
    } as WebdriverIO.Capabilities,
  });
  const keyActions = (values: string[]) => [
    {
      type: 'key' as const,
      id: 'keyboard',
      actions: values.flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ]),
    },
  ];
  return {
    async goto(url) {
      await session.url(url);
    },
    // WebDriver has no request log; the page's own Resource Timing lists the API requests.
    run: <T>(script: string) => session.execute(`return (${script});`) as Promise<T>,
    requests: () => [],
    async clickAt(x, y) {
      await session.performActions([
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ]);
      await session.releaseActions();
    },
    async press(...keys) {
      await session.performActions(keyActions(keys.map((key) => WEBDRIVER_KEYS[key] ?? key)));
      await session.releaseActions();
    },
    async type(text) {
      await session.performActions(keyActions([...text]));
      await session.releaseActions();
    },
    close: () => session.deleteSession(),
  };
}

export function openDriver(engine: Engine): Promise<Driver> {
  return engine === 'webkit' ? webkitDriver() : puppeteerDriver(engine);
}

/** Polls a page expression until it is truthy. */
export async function waitFor(driver: Driver, script: string, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await driver.run<boolean>(script)) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
}

/**
 * A `describe` for each engine this run asks for, with one browser opened before its tests and
 * closed after them; `driver` stands for that browser.
 */
export function describeEachEngine(body: (engine: Engine, driver: Driver) => void): void {
  for (const engine of wantedEngines()) {
    describe(engine, () => {
      let real: Driver | undefined;
      const open = () => {
        if (!real) throw new Error(`${engine} is not open`);
        return real;
      };
      before(async () => {
        real = await openDriver(engine);
      });
      after(async () => {
        await real?.close();
      });
      body(engine, {
        goto: (url) => open().goto(url),
        run: (script) => open().run(script),
        requests: () => open().requests(),
        clickAt: (x, y) => open().clickAt(x, y),
        press: (...keys) => open().press(...keys),
        type: (text) => open().type(text),
        close: () => open().close(),
      });
    });
  }
}

/** An expression for the first element matching `selector` anywhere in the page, through shadow roots. */
export const deep = (selector: string) => `(() => {
  const find = (root) => {
    const hit = root.querySelector(${JSON.stringify(selector)});
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const found = find(el.shadowRoot);
        if (found) return found;
      }
    }
    return null;
  };
  return find(document);
})()`;

/** An expression that clicks the first element matching `selector` (through shadow roots); true if found. */
export const click = (selector: string) =>
  `(() => { const el = ${deep(selector)}; if (!el) return false; el.click(); return true; })()`;

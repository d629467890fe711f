// Finds the three browser engines from Debian's packages and starts what WebKit needs to be
// driven headlessly (a virtual X display and WebKitWebDriver). No tool downloads a browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Chromium's flags for tests and benchmarks: no sandbox (root in containers), no GPU, and none of
 * the background traffic a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const ENGINES = {
  chromium: {
    package: 'chromium',
    candidates: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  },
  firefox: {
    package: 'firefox-esr',
    candidates: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
  },
  webkit: {
    package: 'webkit2gtk-driver',
    candidates: [
      process.env.WEBKIT_MINIBROWSER_PATH,
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    ],
    driver: ['/usr/bin/WebKitWebDriver'],
  },
};

function fail(message) {
  console.error(message);
  process.exit(1);
}

/**
 * @param {string} name chromium | firefox | webkit
 * @returns {{ name: string, executable: string, driver?: string }}
 */
export function findBrowser(name) {
  const engine = ENGINES[name];
  if (!engine) {
    fail(`Unknown browser "${name}" in BROWSERS: use chromium, firefox and/or webkit.`);
  }
  const executable = engine.candidates.find((path) => path && existsSync(path));
  const driver = engine.driver?.find((path) => existsSync(path));
  if (!executable || (engine.driver && !driver)) {
    fail(
      `${name} is not installed: run \`sudo apt-get install ${engine.package}\` ` +
        `(or set BROWSERS to the engines you have, e.g. BROWSERS=chromium).`,
    );
  }
  return { name, executable, driver };
}

const children = [];
function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startDisplay() {
  if (process.env.DISPLAY) return;
  if (!existsSync('/usr/bin/Xvfb')) {
    fail('WebKit needs a display: run `sudo apt-get install xvfb xauth` (or set DISPLAY).');
  }
  // -displayfd lets Xvfb pick a free display number and tell us which one.
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(xvfb);
  const display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with code ${code}`)));
  });
  // Neither the display nor its pipe may keep a test process alive; `exit` stops them.
  xvfb.stdout.destroy();
  xvfb.unref();
  process.env.DISPLAY = `:${display}`;
}

async function waitForDriver(port, child) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`WebKitWebDriver did not start on port ${port}.`);
}

/** Starts WebKitWebDriver (under a virtual display when there is none) and returns its port. */
export async function startWebKitDriver(browser) {
  await startDisplay();
  const port = await freePort();
  const driver = spawn(browser.driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: process.env,
  });
  children.push(driver);
  driver.unref();
  await waitForDriver(port, driver);
  return port;
}

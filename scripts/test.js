// `npm test`: every check the project has, in one run. Each step runs even when an earlier one
// failed, so one run shows everything that is wrong. The last line is the total of every test
// runner's results plus the checks (lint, type-check, manifest, Storybook build) as one test each:
// "N passed, N failed".
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'verity-test-'));
const only = process.argv.slice(2);

/** A step that runs Node's test runner over the `*.test.ts` files of a folder. */
function nodeTests(name, dir, env = {}) {
  // Node 20's test runner takes no globs: list the files.
  const files = readdirSync(dir, { recursive: true })
    .filter((file) => String(file).endsWith('.test.ts'))
    .map((file) => join(dir, String(file)))
    .sort();
  const tap = join(scratch, `${name}.tap`);
  return {
    name,
    env,
    command: 'node',
    args: [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    totals: () => {
      const text = readFileSync(tap, 'utf8');
      const read = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      return { passed: read('pass'), failed: read('fail') + read('cancelled') };
    },
  };
}

/** @type {{ name: string, command: string, args: string[], totals?: () => {passed:number, failed:number} }[]} */
const steps = [
  { name: 'manifest', command: bin('cem'), args: ['analyze', '--quiet'] },
  { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'format', command: bin('prettier'), args: ['--check', '.', '--log-level=warn'] },
  {
    name: 'typecheck',
    command: 'sh',
    args: ['-c', `${bin('tsc')} --noEmit -p tsconfig.json && ${bin('tsc')} --noEmit -p tsconfig.node.json`],
  },
  // The package, the CDN bundle and openapi.json: the unit tests check what would be published.
  { name: 'build', command: 'node', args: ['--import', 'tsx', 'scripts/build.js'] },
  nodeTests('unit', 'test/unit'),
  // The contract suite against the MSW handlers (CONTRACT_BASE_URL: against a live server).
  nodeTests('contract', 'test/contract'),
  // The demo shop in Chromium, Firefox and WebKit, under a strict Content-Security-Policy.
  nodeTests('e2e', 'test/e2e'),
  // The reference server: the contract suite against it live, the admin API, restarts,
  // concurrency, the kept summary. On PGlite, and also on PostgreSQL when DATABASE_URL is set.
  nodeTests('server', 'test/server'),
  {
    name: 'browser',
    command: bin('web-test-runner'),
    args: process.env.CI ? ['--static-logging'] : [],
    env: { VERITY_TOTALS_FILE: join(scratch, 'browser.json') },
    totals: () => JSON.parse(readFileSync(join(scratch, 'browser.json'), 'utf8')),
  },
  { name: 'storybook', command: bin('storybook'), args: ['build', '--quiet', '-o', join(scratch, 'storybook')] },
  // What a designer opens: every story of that build, served and loaded in Chromium.
  nodeTests('storybook-built', 'test/storybook', { STORYBOOK_DIR: join(scratch, 'storybook') }),
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${step.name}: ${[step.command, ...step.args].join(' ')}`);
    const child = spawn(step.command, step.args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...step.env },
    });
    child.on('error', (error) => {
      console.error(error);
      resolve({ code: 1, seconds: 0 });
    });
    child.on('exit', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000 }),
    );
  });
}

const results = [];
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const { code, seconds } = await run(step);
  let totals;
  if (step.totals) {
    try {
      totals = step.totals();
    } catch {
      totals = { passed: 0, failed: 0 };
    }
    // A runner that failed without reporting a failed test still failed.
    if (code !== 0 && totals.failed === 0) totals.failed = 1;
    // A runner that reported nothing ran no test: that is a failure, not a pass.
    if (code === 0 && totals.passed === 0 && totals.failed === 0) totals.failed = 1;
  } else {
    totals = code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }
  results.push({ name: step.name, code, seconds, ...totals });
}

console.log('\nstep          result   passed  failed  seconds');
for (const r of results) {
  console.log(
    `${r.name.padEnd(13)} ${(r.code === 0 && r.failed === 0 ? 'ok' : 'FAILED').padEnd(8)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`,
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
if (!existsSync(join(scratch, 'browser.json')) && results.some((r) => r.name === 'browser')) {
  console.log('(the browser runner wrote no totals)');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);

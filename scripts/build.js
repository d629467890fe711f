// `npm run build`: the script-tag bundle for shop owners (dist/cdn/verity.js), the ESM package
// for developers (dist/*.js with types), custom-elements.json and dist/openapi.json.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { openApiDocument } from '../src/contract/openapi.ts';

const root = new URL('..', import.meta.url).pathname;
const quiet = { logLevel: 'warn', configFile: false, root, publicDir: false };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// 1. The script-tag bundle: a tiny classic loader (works with or without defer, async or
//    type="module") and one ES chunk per widget, loaded when its tag appears on the page.
const { VERSION } = await import('../src/internal/version.ts');
await build({
  ...quiet,
  define: { __VERITY_VERSION__: JSON.stringify(VERSION) },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/embed.ts', name: 'VerityLoader', formats: ['iife'], fileName: () => 'verity.js' },
  },
});
await build({
  ...quiet,
  build: {
    outDir: 'dist/cdn/chunks',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    lib: {
      entry: {
        core: 'src/cdn/core.ts',
        stars: 'src/components/stars/define.ts',
        'rating-badge': 'src/components/rating-badge/define.ts',
        'review-list': 'src/components/review-list/define.ts',
        'review-quote': 'src/components/review-quote/define.ts',
        'review-form': 'src/components/review-form/define.ts',
        'star-input': 'src/components/star-input/define.ts',
        provider: 'src/components/provider/define.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { output: { chunkFileNames: 'shared-[hash].js', minify: true } },
  },
});

// The stylesheet that reserves the widgets' space from the first paint.
copyFileSync(new URL('../src/cdn/reserve.css', import.meta.url), new URL('../dist/cdn/verity.css', import.meta.url));

// 2. The ESM package (vite.config.ts): side-effect-free root, registering entries, client, mocks.
await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });

// 3. The business dashboard (served by the reference server at /dashboard/): an app of its own,
//    hashed assets under dist/dashboard/assets/, no inline script or style (it runs under a
//    strict CSP with Trusted Types).
await build({
  ...quiet,
  root: join(root, 'src/dashboard'),
  base: '/dashboard/',
  build: {
    outDir: join(root, 'dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // A screen's chunk is named after its folder (`reviews-…js`), not after its define.ts.
        chunkFileNames: (chunk) => {
          const facade = chunk.facadeModuleId ?? '';
          const name = chunk.name === 'define' && facade ? basename(dirname(facade)) : chunk.name;
          return `assets/${name}-[hash].js`;
        },
      },
    },
  },
});

// 4. Types, and the manifest editors and Storybook read.
execFileSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
execFileSync('node_modules/.bin/cem', ['analyze', '--quiet'], { cwd: root, stdio: 'inherit' });

// 5. The API contract as OpenAPI 3.1, from the same zod schemas.
writeFileSync(new URL('../dist/openapi.json', import.meta.url), `${JSON.stringify(openApiDocument(), null, 2)}\n`);

const cdn = new URL('../dist/cdn/', import.meta.url);
const gzip = (file) => gzipSync(readFileSync(new URL(file, cdn)), { level: 9 }).length;
const chunks = readdirSync(new URL('chunks/', cdn)).filter((f) => f.endsWith('.js'));
console.log(`dist/cdn/verity.js: ${gzip('verity.js')} bytes gzip`);
for (const chunk of chunks) console.log(`dist/cdn/chunks/${chunk}: ${gzip(`chunks/${chunk}`)} bytes gzip`);

// What /dashboard/inbox loads: the page's script and the modules it preloads (every other screen
// comes later, when it is first opened).
const dashboard = new URL('../dist/dashboard/', import.meta.url);
const page = readFileSync(new URL('index.html', dashboard), 'utf8');
const loaded = [...page.matchAll(/(?:src|href)="\/dashboard\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const inbox = loaded.reduce(
  (sum, file) => sum + gzipSync(readFileSync(new URL(file, dashboard)), { level: 9 }).length,
  0,
);
console.log(`dist/dashboard: /dashboard/inbox loads ${loaded.length} JS files, ${inbox} bytes gzip`);

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
//
//    Each widget's CDN entry first imports src/cdn/core.ts (which takes the loader's settings),
//    then registers the widget, so a widget never renders unconfigured. What the badge needs
//    goes into one `base` chunk, and the loader is built knowing every entry's whole chunk graph
//    (the manifest): it fetches all files a widget needs at once, one round trip after its own.
const { VERSION } = await import('../src/internal/version.ts');
const WIDGETS = {
  'verity-stars': ['stars', 'src/components/stars/define.ts'],
  'verity-rating-badge': ['rating-badge', 'src/components/rating-badge/define.ts'],
  'verity-review-list': ['review-list', 'src/components/review-list/define.ts'],
  'verity-review-quote': ['review-quote', 'src/components/review-quote/define.ts'],
  'verity-review-form': ['review-form', 'src/components/review-form/define.ts'],
  'verity-star-input': ['star-input', 'src/components/star-input/define.ts'],
  'verity-provider': ['provider', 'src/components/provider/define.ts'],
};
const ENTRY_PREFIX = '\0verity-cdn:';
/** The CDN entries: `import core; import define`, as virtual modules. */
const cdnEntries = {
  name: 'verity-cdn-entries',
  resolveId: (id) => (id.startsWith(ENTRY_PREFIX) ? id : undefined),
  load(id) {
    if (!id.startsWith(ENTRY_PREFIX)) return undefined;
    const define = id.slice(ENTRY_PREFIX.length);
    return `import ${JSON.stringify(join(root, 'src/cdn/core.ts'))};\nimport ${JSON.stringify(join(root, define))};\n`;
  },
};
const chunkInput = Object.fromEntries([
  ['core', 'src/cdn/core.ts'],
  ...Object.values(WIDGETS).map(([name, define]) => [name, `${ENTRY_PREFIX}${define}`]),
]);
const chunkBuild = ({ input, output, write = true }) => ({
  ...quiet,
  plugins: [cdnEntries],
  build: {
    outDir: 'dist/cdn/chunks',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    write,
    modulePreload: false,
    rolldownOptions: { input, preserveEntrySignatures: 'strict', output: { format: 'es', minify: true, ...output } },
  },
});
const badgeEntry = `${ENTRY_PREFIX}${WIDGETS['verity-rating-badge'][1]}`;
const corePath = join(root, 'src/cdn/core.ts');

// Pass one, not written: which modules the badge's page runs (the loader's core and the badge,
// following static imports only: the other languages stay chunks of their own).
const probe = await build(chunkBuild({ input: { badge: badgeEntry }, output: {}, write: false }));
const probeChunks = new Map(
  (Array.isArray(probe) ? probe[0] : probe).output
    .filter((item) => item.type === 'chunk')
    .map((chunk) => [chunk.fileName, chunk]),
);
const badgeModules = new Set();
const collect = (chunk) => {
  if (!chunk || chunk.moduleIds.every((id) => badgeModules.has(id))) return;
  chunk.moduleIds.forEach((id) => badgeModules.add(id));
  chunk.imports.forEach((file) => collect(probeChunks.get(file)));
};
collect([...probeChunks.values()].find((chunk) => chunk.isEntry));

const output = await build(
  chunkBuild({
    input: chunkInput,
    output: {
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      codeSplitting: {
        groups: [
          // Everything the badge runs but its own code and the core entry, in one file every
          // widget shares; what only the other widgets need stays in their own chunks.
          {
            name: 'base',
            test: (id) =>
              badgeModules.has(id) && id !== badgeEntry && id !== corePath && !id.includes('/components/rating-badge/'),
          },
          // What two or more of the other widgets share, in one file rather than one per module.
          {
            name: 'widgets',
            test: (id) =>
              !badgeModules.has(id) && !id.startsWith(ENTRY_PREFIX) && !/translations\/(sv|cs|de)\.ts$/.test(id),
            minShareCount: 2,
          },
        ],
      },
    },
  }),
);
const bundle = (Array.isArray(output) ? output[0] : output).output.filter((item) => item.type === 'chunk');
const byFile = new Map(bundle.map((chunk) => [chunk.fileName, chunk]));
/** A chunk and every chunk it imports statically, itself first. */
const graph = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of byFile.get(file)?.imports ?? []) graph(imported, seen);
  return seen;
};
const manifest = {
  widgets: Object.fromEntries(Object.entries(WIDGETS).map(([tag, [name]]) => [tag, [...graph(`${name}.js`)]])),
  core: [...graph('core.js')],
  // The built-in languages other than English load on demand; the loader fetches the page's too.
  locales: Object.fromEntries(
    bundle
      .filter((chunk) => /src\/translations\/(\w+)\.ts$/.test(chunk.facadeModuleId ?? ''))
      .map((chunk) => [/(\w+)\.ts$/.exec(chunk.facadeModuleId)[1], [...graph(chunk.fileName)]]),
  ),
};
writeFileSync(new URL('../dist/cdn/manifest.json', import.meta.url), `${JSON.stringify(manifest, null, 2)}\n`);

await build({
  ...quiet,
  define: { __VERITY_VERSION__: JSON.stringify(VERSION), __VERITY_MANIFEST__: JSON.stringify(manifest) },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/embed.ts', name: 'VerityLoader', formats: ['iife'], fileName: () => 'verity.js' },
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

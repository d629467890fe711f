// `npm run build`: the script-tag bundle for shop owners (dist/cdn/verity.js), the ESM package
// for developers (dist/*.js with types), custom-elements.json and dist/openapi.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { openApiDocument } from '../src/client/openapi.ts';

const root = new URL('..', import.meta.url).pathname;
const quiet = { logLevel: 'warn', configFile: false, root, publicDir: false };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// 1. The script-tag bundle: one classic script that works with or without defer/async.
await build({
  ...quiet,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/embed.ts', name: 'Verity', formats: ['iife'], fileName: () => 'verity.js' },
  },
});

// 2. The ESM package (vite.config.ts): side-effect-free root, registering entries, client, mocks.
await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });

// 3. Types, and the manifest editors and Storybook read.
execFileSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
execFileSync('node_modules/.bin/cem', ['analyze', '--quiet'], { cwd: root, stdio: 'inherit' });

// 4. The API contract as OpenAPI 3.1, from the same zod schemas.
writeFileSync(new URL('../dist/openapi.json', import.meta.url), `${JSON.stringify(openApiDocument(), null, 2)}\n`);

const bundle = readFileSync(new URL('../dist/cdn/verity.js', import.meta.url));
console.log(
  `dist/cdn/verity.js: ${statSync(new URL('../dist/cdn/verity.js', import.meta.url)).size} bytes, ` +
    `${gzipSync(bundle, { level: 9 }).length} bytes gzip`,
);

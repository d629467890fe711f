import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { VERSION } from '../../src/internal/version.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('package', () => {
  it('reports the version of package.json', () => {
    assert.equal(VERSION, pkg.version);
  });

  it('is an ES module package for Node 20.19 and later', () => {
    assert.equal(pkg.name, 'verity-reviews');
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.engines.node, '>=20.19');
  });
});

describe('the npm package (after npm run build)', () => {
  const root = new URL('../../', import.meta.url).pathname;

  it('has a file for every export, with types', () => {
    const exports = pkg.exports as Record<string, string | { types: string; import: string }>;
    assert.ok(Object.keys(exports).length >= 14);
    for (const [name, target] of Object.entries(exports)) {
      const files = typeof target === 'string' ? [target] : [target.import, target.types];
      for (const file of files) assert.ok(existsSync(new URL(file, `file://${root}`)), `${name}: ${file}`);
    }
  });

  it('passes publint', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir: root, level: 'suggestion', strict: true });
    assert.deepEqual(messages, []);
  });

  it('ships the built code, types, manifest and CDN loader, and no sources or tests', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as [{ files: { path: string }[] }];
    const files = packed.files.map((f) => f.path);
    for (const file of [
      'dist/index.js',
      'dist/define.js',
      'dist/client.js',
      'dist/react.js',
      'dist/ssr.js',
      'dist/types/index.d.ts',
      'dist/cdn/verity.js',
      'dist/cdn/chunks/rating-badge.js',
      'dist/openapi.json',
      'custom-elements.json',
      'README.md',
      'package.json',
    ]) {
      assert.ok(files.includes(file), `ships ${file}`);
    }
    assert.equal(files.filter((f) => f.startsWith('src/') || f.includes('.test.') || f.startsWith('test/')).length, 0);
  });

  it('has a root entry that registers nothing (it can be imported on a server)', async () => {
    const source = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
    assert.doesNotMatch(source, /customElements\.define/);
    assert.doesNotMatch(source, /from ["']\.\/define\.js["']/);
  });
});

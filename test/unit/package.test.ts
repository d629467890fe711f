import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

/** The in-process cache of hot answers: expiry, invalidation, and one computation for many misses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseCache, etagOf } from '../../server/http/cache.js';

const answer = (body: string) => ({ body, etag: etagOf(body) });

describe('ResponseCache', () => {
  it('shares one computation between requests that miss at once', async () => {
    const cache = new ResponseCache(1000);
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return answer(`v${computations}`);
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.answer('k', ['business:a'], compute)));
    assert.equal(computations, 1);
    assert.ok(answers.every((a) => a.body === 'v1'));
    assert.equal((await cache.answer('k', ['business:a'], compute)).body, 'v1', 'then served from the cache');
  });

  it('does not hand out or keep an answer computed before a write to its scope', async () => {
    const cache = new ResponseCache(1000);
    let release!: () => void;
    const slow = cache.answer('k', ['business:a'], async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return answer('before the write');
    });
    cache.invalidate('business:a');
    const fresh = cache.answer('k', ['business:a'], async () => answer('after the write'));
    release();
    assert.equal((await slow).body, 'before the write');
    assert.equal((await fresh).body, 'after the write');
    assert.equal(cache.get('k')?.body, 'after the write');
    cache.invalidate('business:b');
    assert.equal(cache.get('k')?.body, 'after the write', 'another scope does not matter');
    cache.invalidate('business:a');
    assert.equal(cache.get('k'), undefined);
  });

  it('forgets answers after their time, and keeps none with a time of 0', async () => {
    let now = 0;
    const cache = new ResponseCache(1000, 10, () => now);
    await cache.answer('k', ['s'], async () => answer('x'));
    now = 999;
    assert.equal(cache.get('k')?.body, 'x');
    now = 1000;
    assert.equal(cache.get('k'), undefined);
    const off = new ResponseCache(0);
    await off.answer('k', ['s'], async () => answer('x'));
    assert.equal(off.get('k'), undefined);
  });

  it('does not cache a failed computation', async () => {
    const cache = new ResponseCache(1000);
    await assert.rejects(
      cache.answer('k', ['s'], async () => {
        throw new Error('no such business');
      }),
    );
    assert.equal((await cache.answer('k', ['s'], async () => answer('ok'))).body, 'ok');
  });
});

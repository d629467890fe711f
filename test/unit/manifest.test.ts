import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// `npm test` generates custom-elements.json (cem analyze) before the unit tests run.
const path = new URL('../../custom-elements.json', import.meta.url);

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

function element(tag: string): Declaration {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  assert.ok(found, `${tag} is in custom-elements.json`);
  return found;
}

const names = (items: { name: string }[] | undefined) => (items ?? []).map((i) => i.name).sort();

describe('custom-elements.json', () => {
  it('exists', () => assert.ok(existsSync(path), 'run `npx cem analyze` first'));

  it('documents <verity-rating-badge>: attributes, events, parts and CSS properties', () => {
    const badge = element('verity-rating-badge');
    for (const attribute of ['api', 'business', 'product', 'locale', 'theme', 'variant', 'href']) {
      assert.ok(names(badge.attributes).includes(attribute), `attribute ${attribute}`);
    }
    assert.deepEqual(names(badge.events), ['verity-error', 'verity-load']);
    for (const part of ['base', 'stars', 'average', 'grade', 'count', 'invited-share', 'verified', 'disclosure']) {
      assert.ok(names(badge.cssParts).includes(part), `part ${part}`);
    }
    for (const property of ['--verity-color-star', '--verity-color-text', '--verity-font-family', '--verity-radius']) {
      assert.ok(names(badge.cssProperties).includes(property), `CSS property ${property}`);
    }
  });

  it('documents <verity-stars>', () => {
    const stars = element('verity-stars');
    assert.ok(names(stars.attributes).includes('rating'));
    assert.deepEqual(names(stars.cssParts), ['base']);
    assert.ok(names(stars.cssProperties).includes('--verity-star-size'));
  });

  it('documents <verity-provider>', () => {
    const provider = element('verity-provider');
    assert.deepEqual(names(provider.attributes), ['api', 'business', 'locale', 'product', 'theme']);
  });
});

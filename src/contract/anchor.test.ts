import { expect } from '@open-wc/testing';
import { reviewAnchor, reviewIdFromHash, reviewUrl } from './anchor.js';

describe('the review anchor', () => {
  it('is the card id, the link fragment and the permalink of one review, built alike', () => {
    expect(reviewAnchor('nordlys-00245')).to.equal('verity-review-nordlys-00245');
    expect(reviewIdFromHash(`#${reviewAnchor('nordlys-00245')}`)).to.equal('nordlys-00245');
    expect(reviewUrl('https://shop.example/', 'nordlys-00245')).to.equal(
      'https://shop.example/reviews#verity-review-nordlys-00245',
    );
  });

  it('survives ids that need escaping, there and back', () => {
    const url = new URL(reviewUrl('https://shop.example', 'a b/ü#1'));
    expect(reviewIdFromHash(url.hash)).to.equal('a b/ü#1');
  });

  it('names no review for other fragments, an empty id or broken escapes', () => {
    expect(reviewIdFromHash('')).to.equal(undefined);
    expect(reviewIdFromHash('#reviews')).to.equal(undefined);
    expect(reviewIdFromHash('#verity-review-')).to.equal(undefined);
    expect(reviewIdFromHash('#verity-review-%E0%A4%A')).to.equal(undefined);
  });
});

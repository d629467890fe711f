import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { VerityStars } from './stars.js';

function fills(el: VerityStars): number[] {
  return [...el.shadowRoot!.querySelectorAll('[part="star"]')].map((star) => {
    const fill = star.querySelector<HTMLElement>('.fill');
    if (!fill) return 0;
    return Math.round((fill.getBoundingClientRect().width / star.getBoundingClientRect().width) * 100) / 100;
  });
}

describe('<verity-stars>', () => {
  it('fills 4.3 stars: four whole stars and 30 % of the fifth', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="4.3" locale="en"></verity-stars>`);
    expect(fills(el)).to.deep.equal([1, 1, 1, 1, 0.3]);
  });

  it('says the rating in words', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="4.3" locale="en"></verity-stars>`);
    const img = el.shadowRoot!.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).to.equal('Rated 4.3 out of 5');
    await expect(el).to.be.accessible();
  });

  it('says it in the locale, with its decimal separator', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="4.62" locale="sv"></verity-stars>`);
    expect(el.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('Betyg 4,62 av 5');
    el.locale = 'de';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal(
      'Bewertet mit 4,62 von 5',
    );
  });

  it('shows nonsense and out-of-range ratings as 0 or 5 stars instead of breaking', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="lots" locale="en"></verity-stars>`);
    expect(fills(el)).to.deep.equal([0, 0, 0, 0, 0]);
    el.rating = 9;
    await el.updateComplete;
    expect(fills(el)).to.deep.equal([1, 1, 1, 1, 1]);
    el.rating = -2;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('Rated 0 out of 5');
  });

  it('fills from the right in right-to-left text', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl"><verity-stars rating="0.5" locale="en"></verity-stars></div>`,
    );
    const el = wrapper.querySelector('verity-stars')!;
    await el.updateComplete;
    const star = el.shadowRoot!.querySelector('[part="star"]')!.getBoundingClientRect();
    const fill = el.shadowRoot!.querySelector('.fill')!.getBoundingClientRect();
    expect(Math.round(fill.right)).to.equal(Math.round(star.right));
    expect(fill.width).to.be.closeTo(star.width / 2, 1);
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="3.5" theme="dark" locale="cs"></verity-stars>`);
    await expect(el).to.be.accessible();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../../../test/helpers/events.js';
import './define.js';
import { fillPosition } from './stars.js';
import type { VerityStars } from './stars.js';

/**
 * How far along the row the fill goes, in stars (4.3 → 4.3): the width of the inner `<svg>` that
 * clips the filled stars, in the row's 120 units.
 */
function filled(el: VerityStars): number {
  const x = el.shadowRoot!.querySelector<SVGSVGElement>('svg.fill')!.width.baseVal.value;
  const whole = Math.floor(x / 24);
  const inStar = Math.min(1, Math.max(0, (x - whole * 24 - 2.35) / 19.3));
  return Math.round((whole + inStar) * 100) / 100;
}

describe('<verity-stars>', () => {
  it('fills 4.3 stars: four whole stars and 30 % of the fifth star shape', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="4.3" locale="en"></verity-stars>`);
    expect(filled(el)).to.equal(4.3);
    expect(fillPosition(4)).to.equal(96);
    expect(fillPosition(0.5)).to.be.closeTo(2.35 + 9.65, 0.001);
  });

  it('paints the filled part and the rest in the two star colours', async () => {
    const el = await fixture<VerityStars>(
      html`<verity-stars
        rating="2.5"
        locale="en"
        style="--verity-color-star: rgb(0, 128, 0); --verity-color-star-empty: rgb(200, 200, 200)"
      ></verity-stars>`,
    );
    const fill = el.shadowRoot!.querySelector('svg.fill path')!;
    const rest = el.shadowRoot!.querySelector('.stars > svg > path')!;
    expect(getComputedStyle(fill).fill).to.equal('rgb(0, 128, 0)');
    expect(getComputedStyle(rest).fill).to.equal('rgb(200, 200, 200)');
    // The filled stars are the same five stars, cut off where the fill ends.
    expect(fill.getAttribute('d')).to.equal(rest.getAttribute('d'));
    expect(filled(el)).to.equal(2.5);
  });

  it('says the rating in words', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="4.3" locale="en"></verity-stars>`);
    const img = el.shadowRoot!.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).to.equal('Rated 4.3 out of 5');
    await expect(el).to.be.accessible();
  });

  it('says it in the locale, with its decimal separator', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="4.62" locale="sv"></verity-stars>`);
    const label = () => el.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label');
    await until(() => label() === 'Betyg 4,62 av 5', 'not Swedish');
    el.locale = 'de';
    await until(() => label() === 'Bewertet mit 4,62 von 5', 'not German');
  });

  it('shows nonsense and out-of-range ratings as 0 or 5 stars instead of breaking', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="lots" locale="en"></verity-stars>`);
    expect(filled(el)).to.equal(0);
    el.rating = 9;
    await el.updateComplete;
    expect(filled(el)).to.equal(5);
    el.rating = -2;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('Rated 0 out of 5');
  });

  it('fills from the right in right-to-left text', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl"><verity-stars rating="1" locale="en"></verity-stars></div>`,
    );
    const el = wrapper.querySelector('verity-stars')!;
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('svg')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('keeps rows apart: no row refers to another by id, each shows its own fill', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="3" locale="en"></verity-stars>`);
    const other = await fixture<VerityStars>(html`<verity-stars rating="1" locale="en"></verity-stars>`);
    for (const stars of [el, other]) {
      expect(stars.shadowRoot!.querySelectorAll('[id]')).to.have.length(0);
      expect(stars.shadowRoot!.innerHTML).to.not.include('url(#');
    }
    expect(filled(el)).to.equal(3);
    expect(filled(other)).to.equal(1);
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<VerityStars>(html`<verity-stars rating="3.5" theme="dark" locale="cs"></verity-stars>`);
    await expect(el).to.be.accessible();
  });
});

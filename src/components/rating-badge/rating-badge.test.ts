import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import type { Summary } from '../../client/schemas.js';
import { configure } from '../../internal/config.js';
import type { VerityErrorEvent } from '../../internal/events.js';
import { createHandlers } from '../../mocks/handlers.js';
import { EMPTY_BUSINESS, UNSCORED_BUSINESS, DEMO_BUSINESS } from '../../mocks/fixtures.js';
import { serverError, malformedJson, offline, slow } from '../../mocks/scenarios.js';
import { MockStore } from '../../mocks/store.js';
import {
  liveRegions,
  loadingAnnouncements,
  nextOutcome,
  until,
  visibleText,
  watchPageErrors,
} from '../../../test/helpers/events.js';
import { freshApi, recordRequests, useMocks } from '../../../test/helpers/msw.js';
import { goOffline } from '../../../test/helpers/online.js';
import { summaryOf } from '../../../test/helpers/summaries.js';
import '../provider/define.js';
import './define.js';
import type { VerityRatingBadge } from './rating-badge.js';

const SUMMARY_PATH = '*/v1/businesses/:business/summary';

function serve(summary: Summary | ((business: string, product: string | null) => Summary)) {
  return http.get(SUMMARY_PATH, ({ params, request }) => {
    const product = new URL(request.url).searchParams.get('product');
    return HttpResponse.json(typeof summary === 'function' ? summary(String(params.business), product) : summary);
  });
}

/** Renders a badge and waits until it has loaded or failed. */
async function renderBadge(template: ReturnType<typeof html>): Promise<VerityRatingBadge> {
  const outcome = nextOutcome();
  const root = await fixture<HTMLElement>(template);
  await outcome;
  const badge = (
    root.localName === 'verity-rating-badge' ? root : root.querySelector('verity-rating-badge')
  ) as VerityRatingBadge;
  await badge.updateComplete;
  return badge;
}

const part = (el: VerityRatingBadge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Opens the R11 panel with the verified mark and waits for its code (loaded on demand). */
async function openDisclosure(el: VerityRatingBadge): Promise<HTMLElement> {
  (part(el, 'verified') as HTMLButtonElement).click();
  const panel = part(el, 'disclosure')!;
  await waitUntil(() => panel.querySelector('button.close'), 'the panel did not load');
  return panel;
}
const text = (el: VerityRatingBadge, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<verity-rating-badge>', () => {
  afterEach(() => {
    configure({ api: undefined, business: undefined, product: undefined, locale: undefined });
  });

  // First in the file: German is not loaded yet, as on a page's first visit.
  describe('the loading announcement', () => {
    it('announces the loading in the widget’s language', async () => {
      await useMocks(...slow(600, [serve(summaryOf())]));
      const announcements = loadingAnnouncements();
      try {
        await fixture(html`<verity-rating-badge api=${freshApi()} business="shop" locale="de"></verity-rating-badge>`);
        await until(() => announcements.said.length > 0, 'nothing was announced');
        expect(announcements.said[0]).to.equal('Bewertungen werden geladen…');
      } finally {
        announcements.stop();
      }
    });
  });

  describe('loaded', () => {
    it('shows stars, average, grade, count and invited share in English', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      expect(text(el, 'average')).to.equal('4.62 out of 5');
      expect(text(el, 'grade')).to.equal('Excellent');
      expect(text(el, 'count')).to.equal('128 verified reviews');
      expect(text(el, 'invited-share')).to.equal('87% of customers invited to review');
      expect((part(el, 'stars') as HTMLElement & { rating: number }).rating).to.equal(4.62);
      await expect(el).to.be.accessible();
    });

    it('writes the average with the locale decimal comma in Swedish: 4,62', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="sv"></verity-rating-badge>`,
      );
      expect(visibleText(el.shadowRoot!)).to.contain('4,62');
      expect(text(el, 'grade')).to.equal('Utmärkt');
      expect(text(el, 'count')).to.equal('128 verifierade recensioner');
      expect(text(el, 'invited-share')).to.match(/^Andel tillfrågade kunder: 87\s%$/);
      await expect(el).to.be.accessible();
    });

    it('uses German words and numbers', async () => {
      await useMocks(serve(summaryOf({ average: 3.8, count: 1 })));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="de-AT"></verity-rating-badge>`,
      );
      expect(visibleText(el.shadowRoot!)).to.contain('3,8');
      expect(text(el, 'grade')).to.equal('Gut');
      expect(text(el, 'count')).to.equal('1 verifizierte Bewertung');
    });

    for (const [count, expected] of [
      [1, '1 ověřená recenze'],
      [3, '3 ověřené recenze'],
      [5, '5 ověřených recenzí'],
    ] as const) {
      it(`uses the Czech plural for ${count} reviews: "${expected}"`, async () => {
        await useMocks(serve(summaryOf({ count })));
        const el = await renderBadge(
          html`<verity-rating-badge api=${freshApi()} business="shop" locale="cs"></verity-rating-badge>`,
        );
        expect(text(el, 'count')).to.equal(expected);
        expect(visibleText(el.shadowRoot!)).to.contain('4,62');
      });
    }

    it('shows the fixture business as the mocks compute it (R2 through the whole stack)', async () => {
      const store = new MockStore();
      const expected = store.summary(DEMO_BUSINESS)!;
      await useMocks(...createHandlers({ store }));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business=${DEMO_BUSINESS} locale="en"></verity-rating-badge>`,
      );
      expect(expected.rating.count).to.be.greaterThan(0);
      expect(expected.rating.count).to.be.lessThan(expected.totals.published);
      expect(text(el, 'count')).to.equal(`${expected.rating.count} verified reviews`);
      expect(text(el, 'average')).to.contain(String(expected.rating.average).slice(0, 3));
    });

    it('links the count to href, and only an http(s) or relative href', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en" href="/reviews"></verity-rating-badge>`,
      );
      const link = part(el, 'count') as HTMLAnchorElement;
      expect(link.localName).to.equal('a');
      expect(link.href).to.equal(`${location.origin}/reviews`);
      el.href = 'javascript:alert(1)';
      await el.updateComplete;
      expect(part(el, 'count')!.localName).to.equal('span');
    });

    it('fires verity-load once the summary is shown', async () => {
      await useMocks(serve(summaryOf()));
      const outcome = nextOutcome();
      await fixture(html`<verity-rating-badge api=${freshApi()} business="shop"></verity-rating-badge>`);
      const event = await outcome;
      expect(event.type).to.equal('verity-load');
      expect(event.detail).to.deep.equal({ kind: 'summary' });
      expect(event.bubbles && event.composed).to.equal(true);
    });
  });

  describe('compact', () => {
    it('shows stars, average and count only, and says all of it to screen readers', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge
          api=${freshApi()}
          business="shop"
          locale="en"
          variant="compact"
        ></verity-rating-badge>`,
      );
      expect(visibleText(el.shadowRoot!)).to.equal('4.62 (128)');
      expect(part(el, 'grade')).to.equal(null);
      expect(part(el, 'verified')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.contain(
        'Rated 4.62 out of 5, 128 verified reviews',
      );
      await expect(el).to.be.accessible();
    });

    it('is one link with href', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge
          api=${freshApi()}
          business="shop"
          variant="compact"
          href="https://shop.example/reviews"
        ></verity-rating-badge>`,
      );
      const base = part(el, 'base') as HTMLAnchorElement;
      expect(base.localName).to.equal('a');
      expect(base.href).to.equal('https://shop.example/reviews');
      await expect(el).to.be.accessible();
    });
  });

  describe('no reviews', () => {
    it('says "No reviews yet" with empty stars and no grade or average', async () => {
      await useMocks(...createHandlers());
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business=${EMPTY_BUSINESS} locale="en"></verity-rating-badge>`,
      );
      expect(visibleText(el.shadowRoot!)).to.contain('No reviews yet');
      expect(part(el, 'grade')).to.equal(null);
      expect(part(el, 'average')).to.equal(null);
      expect((part(el, 'stars') as HTMLElement & { rating: number }).rating).to.equal(0);
      expect(part(el, 'invited-share')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says "No score yet" when reviews exist but none counts (only imported and unverified)', async () => {
      await useMocks(...createHandlers());
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business=${UNSCORED_BUSINESS} locale="en"></verity-rating-badge>`,
      );
      expect(visibleText(el.shadowRoot!)).to.contain('No score yet');
      expect(text(el, 'count')).to.equal('6 reviews');
      expect(part(el, 'average')).to.equal(null);
    });
  });

  describe('the R11 disclosure', () => {
    it('opens from the verified mark, explains the score, and closes with Escape', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      const button = part(el, 'verified') as HTMLButtonElement;
      const panel = part(el, 'disclosure')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.hidden).to.equal(true);

      await openDisclosure(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect(visibleText(panel)).to.contain('average rating of 128 verified reviews from the last 12 months');
      expect(visibleText(panel)).to.contain('Published: 180 (140 verified, 30 unverified, 10 imported)');
      const policy = panel.querySelector('a')!;
      expect(policy.href).to.equal('https://shop.example/reviews-policy');
      await expect(el).to.be.accessible();

      button.focus();
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(panel.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('counts the reviews removed in the last 12 months by reason (R13), in every locale', async () => {
      const removed = { offensive: 2, personal_data: 0, illegal: 0, industry_rule: 0, not_genuine: 1 };
      const expected = {
        en: 'Removed in the last 12 months: 3 reviews, each for a stated reason (offensive: 2, not a genuine experience: 1).',
        sv: 'Borttagna de senaste 12 månaderna: 3 recensioner, var och en av ett angivet skäl (kränkande: 2, ingen verklig upplevelse: 1).',
        cs: 'Odstraněno za posledních 12 měsíců: 3 recenze, každá z uvedeného důvodu (urážky: 2, nejde o skutečnou zkušenost: 1).',
        de: 'In den letzten 12 Monaten entfernt: 3 Bewertungen, jede aus einem genannten Grund (beleidigend: 2, keine echte Erfahrung: 1).',
      };
      for (const [locale, line] of Object.entries(expected)) {
        await useMocks(serve(summaryOf({ removed })));
        const el = await renderBadge(
          html`<verity-rating-badge api=${freshApi()} business="shop" locale=${locale}></verity-rating-badge>`,
        );
        expect(visibleText(await openDisclosure(el))).to.contain(line);
        if (locale === 'en') await expect(el).to.be.accessible();
      }
      await useMocks(serve(summaryOf({ removed: { ...removed, offensive: 0, not_genuine: 0 } })));
      const none = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      expect(visibleText(await openDisclosure(none))).to.contain('No review was removed in the last 12 months.');
    });

    it('closes when the visitor clicks elsewhere', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      await openDisclosure(el);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(part(el, 'disclosure')!.hidden).to.equal(true);
    });

    it('never links a policy URL that is not http(s)', async () => {
      await useMocks(serve(summaryOf({ verificationPolicyUrl: 'javascript:alert(1)' })));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      const panel = await openDisclosure(el);
      expect(visibleText(panel)).to.contain('Published:');
      expect(panel.querySelector('a')).to.equal(null);
    });

    it('renders the panel only when opened, its code loading when the mark is pointed at', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      const closed = part(el, 'disclosure')!;
      expect(closed.hidden).to.equal(true);
      expect(closed.textContent!.trim()).to.equal('');
      part(el, 'verified')!.dispatchEvent(new PointerEvent('pointerenter'));
      const panel = await openDisclosure(el);
      expect(panel.getAttribute('aria-busy')).to.equal(null);
      expect(visibleText(panel)).to.contain('verified reviews from the last 12 months');
      await expect(el).to.be.accessible();
    });
  });

  describe('loading', () => {
    it('shows a busy skeleton of the final size, so nothing shifts when the data arrives', async () => {
      const api = freshApi();
      await useMocks(
        http.get(SUMMARY_PATH, async () => {
          await delay(400);
          return HttpResponse.json(summaryOf());
        }),
      );
      const outcome = nextOutcome();
      const el = await fixture<VerityRatingBadge>(
        html`<verity-rating-badge api=${api} business="shop" locale="en"></verity-rating-badge>`,
      );
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(liveRegions(el.shadowRoot!)).to.deep.equal([]);
      await expect(el).to.be.accessible();
      const loading = el.getBoundingClientRect();
      await outcome;
      await el.updateComplete;
      const loaded = el.getBoundingClientRect();
      expect(loaded.height).to.equal(loading.height);
    });

    it('24 loading badges make one polite announcement, from one live region of the page', async () => {
      await useMocks(...slow(600, [serve(summaryOf())]));
      const api = freshApi();
      const announcements = loadingAnnouncements();
      const loaded = new Set<EventTarget>();
      const onLoad = (event: Event) => loaded.add(event.target!);
      document.addEventListener('verity-load', onLoad);
      try {
        const page = await fixture<HTMLElement>(
          html`<ul>
            ${Array.from(
              { length: 24 },
              (_, i) =>
                html`<li>
                  <verity-rating-badge
                    api=${api}
                    business="shop"
                    product=${`SKU-${i}`}
                    variant="compact"
                    locale="en"
                  ></verity-rating-badge>
                </li>`,
            )}
          </ul>`,
        );
        await until(() => announcements.said.length > 0, 'nothing was announced');
        const regions = liveRegions();
        expect(regions.length).to.equal(1);
        expect(regions[0]!.getAttribute('role')).to.equal('status');
        expect(regions[0]!.textContent).to.equal('Loading reviews…');
        expect(page.contains(regions[0]!)).to.equal(false);
        for (const badge of page.querySelectorAll('verity-rating-badge')) {
          expect(badge.shadowRoot!.querySelector('[aria-busy="true"]')).to.not.equal(null);
        }
        await until(() => loaded.size === 24, 'the badges did not load');
        await until(() => regions[0]!.textContent === '', 'the announcement did not end');
        expect(announcements.said).to.deep.equal(['Loading reviews…', '']);
        expect(liveRegions().length).to.equal(1);
      } finally {
        announcements.stop();
        document.removeEventListener('verity-load', onLoad);
      }
    });

    it('keeps the compact skeleton the size of the compact badge', async () => {
      await useMocks(...slow(300, [serve(summaryOf())]));
      const outcome = nextOutcome();
      const el = await fixture<VerityRatingBadge>(
        html`<verity-rating-badge
          api=${freshApi()}
          business="shop"
          locale="en"
          variant="compact"
        ></verity-rating-badge>`,
      );
      const loading = el.getBoundingClientRect();
      await outcome;
      await el.updateComplete;
      expect(el.getBoundingClientRect().height).to.equal(loading.height);
    });
  });

  describe('failures never break the page', () => {
    const cases = [
      ['HTTP 500', serverError, 'http'],
      ['malformed JSON', malformedJson, 'invalid_response'],
      ['network failure', offline, 'network'],
    ] as const;
    for (const [name, scenario, code] of cases) {
      it(`${name}: a quiet fallback and verity-error "${code}"`, async () => {
        const page = watchPageErrors();
        await useMocks(...scenario());
        const outcome = nextOutcome();
        const el = await fixture<VerityRatingBadge>(
          html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
        );
        const event = (await outcome) as VerityErrorEvent;
        await el.updateComplete;
        page.stop();
        expect(event.type).to.equal('verity-error');
        expect(event.detail.code).to.equal(code);
        expect(visibleText(el.shadowRoot!)).to.equal('Reviews are unavailable right now');
        expect(page.errors).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }

    it('offline: waits with one online listener however often it fails, none once removed, and loads when back', async () => {
      const browser = goOffline();
      try {
        await useMocks(...offline());
        const el = await renderBadge(
          html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
        );
        expect(browser.listeners()).to.equal(1);
        for (const product of ['SKU-1', 'SKU-2']) {
          const failed = nextOutcome();
          el.product = product;
          expect((await failed).type).to.equal('verity-error');
          expect(browser.listeners()).to.equal(1);
        }
        expect(browser.leaveAndReturn(el)).to.equal(0);
        expect(browser.listeners()).to.equal(1);
        const worker = await useMocks(serve(summaryOf()));
        const requests = recordRequests(worker);
        browser.reconnect();
        await until(() => text(el, 'average') === '4.62 out of 5', 'did not load when back online');
        requests.stop();
        expect(requests.urls.length).to.equal(1);
        expect(browser.listeners()).to.equal(0);
      } finally {
        browser.restore();
      }
    });

    it('an unknown business is not_found', async () => {
      await useMocks(...createHandlers());
      const outcome = nextOutcome();
      await fixture(html`<verity-rating-badge api=${freshApi()} business="no-such-shop"></verity-rating-badge>`);
      expect(((await outcome) as VerityErrorEvent).detail.code).to.equal('not_found');
    });

    it('missing configuration: verity-error "missing_config" naming what is missing, and no request', async () => {
      const worker = await useMocks(serve(summaryOf()));
      const requests = recordRequests(worker);
      const outcome = nextOutcome();
      await fixture(html`<verity-rating-badge business="shop"></verity-rating-badge>`);
      const event = (await outcome) as VerityErrorEvent;
      requests.stop();
      expect(event.detail.code).to.equal('missing_config');
      expect(event.detail.message).to.contain('needs api');
      expect(requests.urls).to.deep.equal([]);
    });
  });

  describe('configuration and updates', () => {
    it('refetches when business or product changes, and drops a stale answer', async () => {
      const api = freshApi();
      const worker = await useMocks(
        http.get(SUMMARY_PATH, async ({ params, request }) => {
          const product = new URL(request.url).searchParams.get('product');
          if (params.business === 'slow-shop') await delay(600);
          const average = params.business === 'slow-shop' ? 1.5 : product ? 3.9 : 4.8;
          return HttpResponse.json(summaryOf({ average }));
        }),
      );
      const requests = recordRequests(worker);
      const el = await renderBadge(
        html`<verity-rating-badge api=${api} business="fast-shop" locale="en"></verity-rating-badge>`,
      );
      expect(text(el, 'average')).to.equal('4.8 out of 5');

      el.business = 'slow-shop';
      await el.updateComplete;
      const next = nextOutcome();
      el.business = 'fast-shop';
      el.product = 'SKU-1';
      await next;
      await el.updateComplete;
      expect(text(el, 'average')).to.equal('3.9 out of 5');
      await aTimeout(800);
      expect(text(el, 'average')).to.equal('3.9 out of 5');
      requests.stop();
      // The slow request may be aborted before it even reaches the network (Firefox does that).
      const businesses = requests.urls.map((u) => new URL(u).pathname.split('/').at(-2));
      expect(businesses[0]).to.equal('fast-shop');
      expect(businesses.at(-1)).to.equal('fast-shop');
      expect(businesses.filter((b) => b === 'slow-shop').length).to.be.at.most(1);
      expect(new URL(requests.urls.at(-1)!).searchParams.get('product')).to.equal('SKU-1');
    });

    it('re-renders in a new locale without a new request', async () => {
      const worker = await useMocks(serve(summaryOf()));
      const requests = recordRequests(worker);
      const el = await renderBadge(
        html`<verity-rating-badge api=${freshApi()} business="shop" locale="en"></verity-rating-badge>`,
      );
      el.locale = 'sv';
      await until(() => text(el, 'grade') === 'Utmärkt', 'not Swedish');
      requests.stop();
      expect(requests.urls.length).to.equal(1);
    });

    it('takes api, business and locale from the nearest <verity-provider>, its own attributes first', async () => {
      await useMocks(serve((business) => summaryOf({ average: business === 'outer' ? 4.1 : 2.2 })));
      const api = freshApi();
      const root = await fixture<HTMLElement>(html`
        <verity-provider api=${api} business="outer" locale="de">
          <verity-rating-badge id="a"></verity-rating-badge>
          <verity-provider business="inner" locale="cs">
            <verity-rating-badge id="b"></verity-rating-badge>
            <verity-rating-badge id="c" locale="sv" business="outer"></verity-rating-badge>
          </verity-provider>
        </verity-provider>
      `);
      const badges = [...root.querySelectorAll('verity-rating-badge')];
      await until(() => badges.every((b) => b.shadowRoot?.querySelector('[part~="average"]')), 'badges did not load');
      const [a, b, c] = badges as VerityRatingBadge[];
      expect(text(a!, 'grade')).to.equal('Gut');
      expect(visibleText(a!.shadowRoot!)).to.contain('4,1');
      expect(text(b!, 'grade')).to.equal('Špatné');
      expect(text(c!, 'grade')).to.equal('Bra');
    });

    it('falls back to configure({...}) and then to <html lang>', async () => {
      await useMocks(serve(summaryOf()));
      const lang = document.documentElement.lang;
      configure({ api: freshApi(), business: 'shop' });
      document.documentElement.lang = 'cs-CZ';
      try {
        const el = await renderBadge(html`<verity-rating-badge></verity-rating-badge>`);
        expect(text(el, 'grade')).to.equal('Vynikající');
        document.documentElement.lang = 'de';
        await until(() => text(el, 'grade') === 'Hervorragend', 'did not follow <html lang>');
        configure({ locale: 'sv' });
        await until(() => text(el, 'grade') === 'Utmärkt', 'did not follow configure({ locale })');
      } finally {
        document.documentElement.lang = lang;
      }
    });

    it('is accessible in the dark theme', async () => {
      await useMocks(serve(summaryOf()));
      const el = await renderBadge(
        html`<div style="background:#0d1117;padding:8px">
          <verity-rating-badge api=${freshApi()} business="shop" locale="en" theme="dark"></verity-rating-badge>
        </div>`,
      );
      expect(getComputedStyle(part(el, 'base')!).color).to.equal('rgb(230, 237, 243)');
      (part(el, 'verified') as HTMLButtonElement).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});

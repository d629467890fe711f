import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { DEFAULT_RETRY } from '../../client/client.js';
import type { Review, ReviewPage } from '../../client/schemas.js';
import type { VerityFilterChangeEvent } from '../../internal/events.js';
import { DEMO_BUSINESS, EMPTY_BUSINESS } from '../../mocks/fixtures.js';
import { createHandlers } from '../../mocks/handlers.js';
import { offline, serverError, slow } from '../../mocks/scenarios.js';
import { MockStore } from '../../mocks/store.js';
import {
  expectFocusOn,
  expectIdleWithFocus,
  liveRegions,
  pressAndStayBusy,
  until,
  visibleText,
  watchPageErrors,
} from '../../../test/helpers/events.js';
import { freshApi, gate, recordRequests, useMocks } from '../../../test/helpers/msw.js';
import { goOffline } from '../../../test/helpers/online.js';
import './define.js';
import type { VerityReviewList } from './review-list.js';

const store = new MockStore();

/** Renders a list and waits until its first page has loaded (or failed). */
async function renderList(attributes: Record<string, string | boolean> = {}): Promise<VerityReviewList> {
  const el = document.createElement('verity-review-list');
  el.setAttribute('api', freshApi());
  el.setAttribute('business', DEMO_BUSINESS);
  el.setAttribute('locale', 'en');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  const outcome = waitFor(el);
  await fixture(el);
  await outcome;
  // The summary header arrives on its own request, possibly after the first page.
  await until(() => $(el, '[part="header"]:not([aria-hidden])'), 'the header did not load');
  await el.updateComplete;
  return el;
}

/** The next verity-load or verity-error of an element. */
function waitFor(el: HTMLElement): Promise<Event> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      el.removeEventListener('verity-load', done);
      el.removeEventListener('verity-error', done);
      resolve(event);
    };
    el.addEventListener('verity-load', done);
    el.addEventListener('verity-error', done);
  });
}

/** Renders a list whose first page fails, and waits for its error state. */
async function renderFailing(locale = 'en'): Promise<VerityReviewList> {
  const el = document.createElement('verity-review-list');
  el.setAttribute('api', freshApi());
  el.setAttribute('business', DEMO_BUSINESS);
  el.setAttribute('locale', locale);
  const outcome = waitFor(el);
  await fixture(el);
  expect((await outcome).type).to.equal('verity-error');
  await until(() => $(el, '.state.error'), 'no error state');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: VerityReviewList, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: VerityReviewList, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const cards = (el: VerityReviewList) => $$(el, 'article.card');
/** The rating a card's stars say ("Rated 4 out of 5"). */
const stars = (card: HTMLElement) =>
  Number(/Rated (\d)/.exec(card.querySelector('.stars')!.getAttribute('aria-label')!)![1]);

function lastQuery(urls: string[]): Record<string, string> {
  const url = new URL(urls.filter((u) => u.includes('/reviews'))!.at(-1)!);
  return Object.fromEntries(url.searchParams);
}

/** Waits for the list to settle after a change that refetches. */
async function settled(el: VerityReviewList): Promise<void> {
  await el.updateComplete;
  await until(() => $(el, '.results')?.getAttribute('aria-busy') !== 'true', 'the list did not settle');
  await el.updateComplete;
}

describe('<verity-review-list>', () => {
  beforeEach(async () => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
    await useMocks(...createHandlers({ store }));
  });

  describe('showing reviews', () => {
    it('shows the header, the histogram and the first page of cards', async () => {
      const el = await renderList();
      const summary = store.summary(DEMO_BUSINESS)!;
      expect(visibleText($(el, '[part="header"]')!)).to.contain(`Based on ${summary.rating.count} verified reviews`);
      const bars = $$(el, '.bar-row');
      expect(bars.length).to.equal(5);
      expect(bars[0]!.querySelector('.visually-hidden')!.textContent).to.match(/^5 stars: \d+ reviews, \d+%$/);
      expect(bars.every((bar) => bar.getAttribute('aria-pressed') === 'false')).to.equal(true);
      expect(cards(el).length).to.equal(10);
      expect(visibleText($(el, '.result-count')!)).to.equal(`Showing 10 of ${summary.totals.published} reviews`);
      await expect(el).to.be.accessible();
    });

    it('says "1,000+" for a search the API stopped counting, and takes no longer query than the API', async () => {
      await useMocks(
        http.get('*/v1/businesses/:business/reviews', ({ request }) => {
          const answer = store.list(DEMO_BUSINESS, new URL(request.url).searchParams).body as ReviewPage;
          return HttpResponse.json({ ...answer, total: 1000, totalCapped: true });
        }),
        ...createHandlers({ store }),
      );
      const el = await renderList();
      expect(visibleText($(el, '.result-count')!)).to.equal('Showing 10 of 1,000+ reviews');
      const search = $<HTMLInputElement>(el, 'input[name="q"]')!;
      expect(search.maxLength).to.equal(100);
    });

    it('labels every card with its provenance, and imported and unverified ones as not counted (R1)', async () => {
      const el = await renderList({ 'page-size': '50' });
      const labels = $$(el, '[part="provenance"]').map((p) => visibleText(p));
      expect(labels.some((l) => l.startsWith('Verified'))).to.equal(true);
      expect(
        labels.filter((l) => l.startsWith('Unverified')).every((l) => l.includes('not counted in the score')),
      ).to.equal(true);
      const imported = labels.filter((l) => l.startsWith('Imported'));
      expect(imported.length).to.be.greaterThan(0);
      expect(imported.every((l) => l.includes('not counted in the score'))).to.equal(true);
    });

    it('shows replies and edits (R6), and dates as <time> with the absolute date', async () => {
      const el = await renderList({ 'page-size': '50' });
      const reply = $(el, '[part="reply"]')!;
      expect(reply.getAttribute('aria-label')).to.equal('Reply from Nordlys Kaffe team');
      const time = $<HTMLTimeElement>(el, 'time')!;
      expect(Number.isNaN(Date.parse(time.dateTime))).to.equal(false);
      expect(time.title).to.match(/\d{4}/);
      const page = store.list(DEMO_BUSINESS, new URLSearchParams('limit=50')).body as ReviewPage;
      const edited = page.items.find((r) => r.editedAt);
      if (edited) expect(visibleText($(el, `#verity-review-${CSS.escape(edited.id)}`)!)).to.contain('Edited');
    });

    it('cuts long texts with "Read more", which shows the rest', async () => {
      const el = await renderList();
      const button = $$<HTMLButtonElement>(el, '.read-more')[0]!;
      const body = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
      expect(body.textContent!.trim().endsWith('…')).to.equal(true);
      const short = body.textContent!.length;
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(body.textContent!.length).to.be.greaterThan(short);
      expect(body.textContent).to.contain('four and a half stars');
    });

    it('renders hostile text as inert characters: no element, attribute or link from review text', async () => {
      const page = watchPageErrors();
      const el = await renderList();
      page.stop();
      const hostile = cards(el).find((card) => card.textContent!.includes('<script>'))!;
      expect(hostile, 'the hostile review is on the first page').to.not.equal(undefined);
      expect(hostile.textContent).to.contain('<img src=x onerror="alert(1)">');
      expect(hostile.textContent).to.contain('javascript:alert(2)');
      for (const tag of ['script', 'img', 'a', 'style', 'iframe']) {
        expect(hostile.querySelectorAll(tag).length, tag).to.equal(0);
      }
      expect(el.shadowRoot!.querySelectorAll('[onerror], [href^="javascript"]').length).to.equal(0);
      expect(page.errors).to.deep.equal([]);
    });

    it('lays right-to-left text out right to left', async () => {
      const el = await renderList();
      const body = cards(el)
        .map((card) => card.querySelector<HTMLElement>('.card-body')!)
        .find((b) => b.lang === 'ar')!;
      expect(body.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(body).direction).to.equal('rtl');
    });
  });

  describe('filters, sort and search send the right query', () => {
    it('sorts', async () => {
      const el = await renderList();
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      const select = $<HTMLSelectElement>(el, 'select[name="sort"]')!;
      select.value = 'lowest';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      requests.stop();
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'lowest', limit: '10' });
      expect(stars(cards(el)[0]!)).to.equal(1);
    });

    it('filters by the histogram bars, which combine, and discloses the filter (R3)', async () => {
      const el = await renderList();
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      const events: VerityFilterChangeEvent[] = [];
      el.addEventListener('verity-filter-change', (e) => events.push(e));
      $$(el, '.bar-row')[0]!.click(); // 5 stars
      await settled(el);
      $$(el, '.bar-row')[1]!.click(); // 4 stars
      await settled(el);
      requests.stop();
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', rating: '4,5', limit: '10' });
      expect($$(el, '.bar-row').map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'true',
        'true',
        'false',
        'false',
        'false',
      ]);
      expect(visibleText($(el, '[part="filter-notice"]')!)).to.equal('Showing 4–5 star reviews · Show all');
      expect(events.at(-1)!.detail).to.deep.equal({
        rating: [4, 5],
        verified: false,
        sort: 'newest',
        q: '',
        language: null,
      });
      expect(cards(el).every((card) => stars(card) >= 4)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('filters verified reviews and by language', async () => {
      const el = await renderList({ 'page-size': '50' });
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      const verified = $<HTMLInputElement>(el, 'input[name="verified"]')!;
      verified.click();
      await settled(el);
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', verified: 'true', limit: '50' });
      const language = $<HTMLSelectElement>(el, 'select[name="language"]')!;
      expect([...language.options].map((o) => o.value)).to.include.members(['', 'sv', 'de', 'cs', 'en']);
      language.value = 'sv';
      language.dispatchEvent(new Event('change'));
      await settled(el);
      requests.stop();
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', verified: 'true', language: 'sv', limit: '50' });
      expect(cards(el).every((card) => card.querySelector('.card-body')!.getAttribute('lang') === 'sv')).to.equal(true);
    });

    it('keeps the language filter after a language is chosen, with every language of the summary', async () => {
      const el = await renderList();
      const options = () => [...$<HTMLSelectElement>(el, 'select[name="language"]')!.options].map((o) => o.value);
      const every = ['', ...store.summary(DEMO_BUSINESS)!.languages!];
      expect(every).to.include.members(['sv', 'de', 'cs', 'en']);
      expect(options()).to.deep.equal(every);
      const language = $<HTMLSelectElement>(el, 'select[name="language"]')!;
      language.value = 'de';
      language.dispatchEvent(new Event('change'));
      await settled(el);
      expect(cards(el).every((card) => card.querySelector('.card-body')!.getAttribute('lang') === 'de')).to.equal(true);
      expect(options()).to.deep.equal(every);
      expect($<HTMLSelectElement>(el, 'select[name="language"]')!.value).to.equal('de');
      await expect(el).to.be.accessible();
    });

    it('offers a language of the summary that no loaded review is in, and falls back to the loaded ones without it', async () => {
      const summary = store.summary(DEMO_BUSINESS)!;
      await useMocks(
        http.get('*/v1/businesses/:business/summary', () => HttpResponse.json({ ...summary, languages: ['fi', 'sv'] })),
        ...createHandlers({ store }),
      );
      const el = await renderList({ 'page-size': '1' });
      const options = () => [...$<HTMLSelectElement>(el, 'select[name="language"]')!.options].map((o) => o.value);
      expect(options()).to.deep.equal(['', 'fi', 'sv']);

      // A server without `languages`: the loaded reviews' languages; the chosen one stays offered.
      const { languages: _languages, ...older } = summary;
      await useMocks(
        http.get('*/v1/businesses/:business/summary', () => HttpResponse.json(older)),
        ...createHandlers({ store }),
      );
      const fallback = await renderList({ 'page-size': '50' });
      const select = $<HTMLSelectElement>(fallback, 'select[name="language"]')!;
      expect([...select.options].map((o) => o.value)).to.include.members(['', 'sv', 'de', 'cs', 'en']);
      select.value = 'cs';
      select.dispatchEvent(new Event('change'));
      await settled(fallback);
      expect($(fallback, 'select[name="language"]')).to.not.equal(null);
      expect($<HTMLSelectElement>(fallback, 'select[name="language"]')!.value).to.equal('cs');
    });

    it('searches after the visitor stops typing, with one request', async () => {
      const el = await renderList();
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      const input = $<HTMLInputElement>(el, 'input[name="q"]')!;
      for (const value of ['e', 'es', 'esp', 'espresso']) {
        input.value = value;
        input.dispatchEvent(new Event('input'));
        await aTimeout(40);
      }
      await until(() => requests.urls.length > 0, 'no search request');
      await settled(el);
      requests.stop();
      expect(requests.urls.length).to.equal(1);
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', q: 'espresso', limit: '10' });
      expect(cards(el).every((card) => card.textContent!.toLowerCase().includes('espresso'))).to.equal(true);
    });

    it('says when nothing matches, and clears every filter with one control', async () => {
      const el = await renderList({ verified: true });
      const input = $<HTMLInputElement>(el, 'input[name="q"]')!;
      input.value = 'no review says this';
      input.dispatchEvent(new Event('input'));
      await until(() => $(el, '.state'), 'no empty state');
      expect(visibleText($(el, '.state')!)).to.contain('No reviews match your filters.');
      await expect(el).to.be.accessible();
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      $<HTMLButtonElement>(el, '.state button')!.click();
      await until(() => cards(el).length === 10, 'the list did not come back');
      requests.stop();
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', limit: '10' });
      expect($<HTMLInputElement>(el, 'input[name="q"]')!.value).to.equal('');
      expect($<HTMLInputElement>(el, 'input[name="verified"]')!.checked).to.equal(false);
    });

    it('starts with a preset rating filter, says so, and "Show all" lifts it (R3)', async () => {
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      const el = await renderList({ rating: '4,5' });
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', rating: '4,5', limit: '10' });
      expect(visibleText($(el, '[part="filter-notice"]')!)).to.equal('Showing 4–5 star reviews · Show all');
      $<HTMLButtonElement>(el, '[part="filter-notice"] button')!.click();
      await settled(el);
      requests.stop();
      expect(lastQuery(requests.urls)).to.deep.equal({ sort: 'newest', limit: '10' });
      expect($(el, '[part="filter-notice"]')).to.equal(null);
    });
  });

  describe('paging and deep links', () => {
    it('"Show more" appends the next page, keeps the cards already shown, and moves focus', async () => {
      const el = await renderList();
      const first = cards(el)[0]!;
      const requests = recordRequests(await useMocks(...createHandlers({ store })));
      $<HTMLButtonElement>(el, '[part="show-more"]')!.click();
      await until(() => cards(el).length === 20, 'the next page did not arrive');
      await el.updateComplete;
      requests.stop();
      expect(lastQuery(requests.urls).cursor).to.be.a('string');
      expect(cards(el)[0]).to.equal(first);
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[10]);
      expect($(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('10 more reviews loaded');
      await expect(el).to.be.accessible();
    });

    it('keeps the keyboard focus on "Show more" while it loads and when it fails', async () => {
      const el = await renderList();
      let pages = 0;
      const answers = gate();
      await useMocks(
        http.get('*/v1/businesses/:business/reviews', async ({ request }) => {
          if (!new URL(request.url).searchParams.has('cursor')) return undefined;
          pages += 1;
          await answers.wait();
          return HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 500 });
        }),
        ...createHandlers({ store }),
      );
      const button = $<HTMLButtonElement>(el, '[part="show-more"]')!;
      await pressAndStayBusy(button, el, 'Loading reviews…');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      answers.open();
      await until(() => $(el, '.more [role="alert"]'), 'no failure message');
      expectIdleWithFocus(button);
      // One load (the client's own retries included): the second Enter while loading loaded nothing.
      expect(pages).to.equal(DEFAULT_RETRY.retries + 1);
    });

    it('shows a linked review that is not on the first page first, highlighted and focused', async () => {
      const oldest = (store.list(DEMO_BUSINESS, new URLSearchParams('sort=oldest&limit=1')).body as ReviewPage)
        .items[0]!;
      history.replaceState(null, '', `#verity-review-${oldest.id}`);
      const el = await renderList();
      await until(() => $(el, '.highlighted'), 'no highlighted review');
      const card = cards(el)[0]!;
      expect(card.id).to.equal(`verity-review-${oldest.id}`);
      expect(card.classList.contains('highlighted')).to.equal(true);
      expect(visibleText(card)).to.contain('Linked review');
      expect(el.shadowRoot!.activeElement).to.equal(card);
      expect(cards(el).filter((c) => c.id === card.id).length).to.equal(1);
    });

    it('never shows a linked review of another business, or a product’s in the shop’s list', async () => {
      const foreign = [
        store.reviews.find((r) => r.business !== DEMO_BUSINESS && r.status === 'published')!,
        store.reviews.find((r) => r.business === DEMO_BUSINESS && r.status === 'published' && r.product)!,
      ];
      for (const review of foreign) {
        const requests = recordRequests(await useMocks(...createHandlers({ store })));
        history.replaceState(null, '', `#verity-review-${review.id}`);
        const el = await renderList();
        await until(
          () => requests.urls.some((u) => u.includes(`/v1/reviews/${review.id}`)),
          'the link was not followed',
        );
        await aTimeout(50);
        await el.updateComplete;
        requests.stop();
        expect($(el, `#verity-review-${CSS.escape(review.id)}`)).to.equal(null);
        expect($(el, '.linked-label')).to.equal(null);
        expect(cards(el).length).to.equal(10);
      }
    });

    it('follows a hash change to a review already shown', async () => {
      const el = await renderList();
      const third = cards(el)[2]!;
      location.hash = third.id;
      await until(() => third.classList.contains('highlighted'), 'not highlighted');
      expect(el.shadowRoot!.activeElement).to.equal(third);
    });
  });

  describe('helpful votes', () => {
    it('counts at once, once per browser', async () => {
      const el = await renderList();
      const card = cards(el)[0]!;
      const review = store.review(card.id.replace('verity-review-', '')).body as Review;
      const button = card.querySelector<HTMLButtonElement>('[part="helpful"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expectFocusOn(button);
      expect(visibleText(button)).to.equal(`Helpful · ${review.helpfulCount + 1}`);
      await until(
        () => (store.review(review.id).body as Review).helpfulCount === review.helpfulCount + 1,
        'vote not stored',
      );
      await sendKeys({ press: 'Enter' });
      await aTimeout(100);
      expect((store.review(review.id).body as Review).helpfulCount).to.equal(review.helpfulCount + 1);
      expectFocusOn(button);
      const again = await renderList();
      const voted = cards(again)[0]!.querySelector<HTMLButtonElement>('[part="helpful"]')!;
      expect(voted.getAttribute('aria-disabled')).to.equal('true');
      expect(voted.getAttribute('aria-pressed')).to.equal('true');
    });

    it('rolls back with a message when the vote fails', async () => {
      const el = await renderList();
      await useMocks(
        http.post('*/v1/reviews/:id/helpful', () =>
          HttpResponse.json({ error: { code: 'not_found', message: 'gone' } }, { status: 404 }),
        ),
        ...createHandlers({ store }),
      );
      const card = cards(el)[1]!;
      const button = card.querySelector<HTMLButtonElement>('[part="helpful"]')!;
      const before = visibleText(button);
      button.click();
      await until(() => card.querySelector('[role="alert"]'), 'no failure message');
      expect(visibleText(card.querySelector('[role="alert"]')!)).to.equal(
        'Your vote could not be saved. Please try again.',
      );
      expect(visibleText(button)).to.equal(before);
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  });

  describe('reports (R10)', () => {
    it('reports a review by keyboard alone: open, choose a reason, send, close', async () => {
      const el = await renderList();
      let reported: unknown;
      await useMocks(
        http.post('*/v1/reviews/:id/reports', async ({ request }) => {
          reported = await request.json();
          return new HttpResponse(null, { status: 202 });
        }),
        ...createHandlers({ store }),
      );
      const report = cards(el)[0]!.querySelector<HTMLButtonElement>('[part="report"]')!;
      report.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await until(() => dialog.open, 'the dialog did not open');
      expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('reason');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowDown' }); // personal data
      await sendKeys({ press: 'ArrowDown' }); // not genuine
      await sendKeys({ press: 'ArrowDown' }); // spam
      await sendKeys({ press: 'Tab' });
      // (WebKitWebDriver drops spaces and repeated letters when typing; one plain word is enough here.)
      await sendKeys({ type: 'Advert' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Send report');
      await sendKeys({ press: 'Enter' });
      await until(() => dialog.textContent!.includes('Thank you'), 'no confirmation');
      expect(reported).to.deep.equal({ reason: 'spam', note: 'Advert' });
      // The send button gave way to the thanks, and the focus to its Close button.
      await until(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'Close', 'the focus was lost');
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'the dialog did not close');
      expect(el.shadowRoot!.activeElement).to.equal(report);
    });

    it('offers "not genuine" only for reviews from the last 12 months', async () => {
      const el = await renderList({ sort: 'oldest' });
      cards(el)[0]!.querySelector<HTMLButtonElement>('[part="report"]')!.click();
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await until(() => dialog.open, 'the dialog did not open');
      const notGenuine = dialog.querySelector<HTMLInputElement>('input[value="not_genuine"]')!;
      expect(notGenuine.disabled).to.equal(true);
      expect(visibleText(dialog)).to.contain(
        'Only reviews from the last 12 months can be reported as not based on a genuine experience.',
      );
      expect(dialog.querySelector<HTMLInputElement>('input[value="offensive"]')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
      dialog.close();
    });

    it('keeps the dialog open with a message when sending fails', async () => {
      const el = await renderList();
      const answers = gate();
      await useMocks(
        http.post('*/v1/reviews/:id/reports', async () => {
          await answers.wait();
          return HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 500 });
        }),
      );
      cards(el)[0]!.querySelector<HTMLButtonElement>('[part="report"]')!.click();
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await until(() => dialog.open, 'the dialog did not open');
      dialog.querySelector<HTMLInputElement>('input[value="offensive"]')!.click();
      const send = dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      await pressAndStayBusy(send, el, 'Sending…');
      answers.open();
      await until(() => dialog.querySelector('[role="alert"]'), 'no failure message');
      expectIdleWithFocus(send);
      expect(dialog.open).to.equal(true);
      expect(visibleText(dialog.querySelector('[role="alert"]')!)).to.equal(
        'The report could not be sent. Please try again.',
      );
      expect(dialog.querySelector<HTMLInputElement>('input[value="offensive"]')!.checked).to.equal(true);
      dialog.close();
    });
  });

  describe('states', () => {
    it('reserves space with a busy skeleton while loading', async () => {
      await useMocks(...slow(Infinity));
      const el = document.createElement('verity-review-list');
      el.setAttribute('api', freshApi());
      el.setAttribute('business', DEMO_BUSINESS);
      el.setAttribute('locale', 'en');
      await fixture(el);
      expect($(el, '[aria-busy="true"]')).to.not.equal(null);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
      // The page's one loading announcement speaks for it; its own live region stays quiet.
      await until(() => document.querySelector('[data-verity-live]')?.textContent, 'nothing announced');
      expect(document.querySelector('[data-verity-live]')!.textContent).to.equal('Loading reviews…');
      expect(liveRegions(el.shadowRoot!).map((region) => region.textContent!.trim())).to.deep.equal(['']);
      await expect(el).to.be.accessible();
    });

    it('says "No reviews yet" and links the form when there are none', async () => {
      const el = await renderList({ business: EMPTY_BUSINESS, 'form-href': '/write-review' });
      expect(visibleText($(el, '.state')!)).to.equal('No reviews yet Write the first review');
      expect($<HTMLAnchorElement>(el, '.state a')!.href).to.equal(`${location.origin}/write-review`);
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that works once the API is back', async () => {
      await useMocks(...serverError());
      const page = watchPageErrors();
      const el = await renderFailing('sv');
      expect(visibleText($(el, '.state.error')!)).to.equal('Recensionerna kunde inte laddas. Försök igen');
      await expect(el).to.be.accessible();
      await useMocks(...createHandlers({ store }));
      $<HTMLButtonElement>(el, '.state.error button')!.click();
      await until(() => cards(el).length === 10, 'retry did not load the list');
      page.stop();
      expect(page.errors).to.deep.equal([]);
    });

    it('keeps the keyboard focus on the retry button while it loads, then moves it to the first review', async () => {
      let fail = true;
      const answers = gate();
      answers.open();
      await useMocks(
        http.get('*/v1/businesses/:business/reviews', async () => {
          await answers.wait();
          return fail
            ? HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 500 })
            : undefined;
        }),
        ...createHandlers({ store }),
      );
      const el = await renderFailing();
      const retry = $<HTMLButtonElement>(el, '.state.error button')!;
      answers.close();
      await pressAndStayBusy(retry, el, 'Loading reviews…');
      await expect(el).to.be.accessible();
      answers.open();
      await until(() => retry.getAttribute('aria-disabled') === 'false', 'the retry did not end');
      expectIdleWithFocus(retry);
      fail = false;
      await sendKeys({ press: 'Enter' });
      await until(() => cards(el).length === 10, 'the retry did not load the list');
      await el.updateComplete;
      expectFocusOn(cards(el)[0]!);
    });

    it('offline: says so, waits with one online listener however often it fails, and loads when back', async () => {
      const browser = goOffline();
      try {
        await useMocks(...offline());
        const el = await renderFailing();
        expect(visibleText($(el, '.state.error')!)).to.contain('You are offline.');
        expect(browser.listeners()).to.equal(1);
        for (let i = 0; i < 2; i += 1) {
          const failed = waitFor(el);
          $<HTMLButtonElement>(el, '.state.error button')!.click();
          expect((await failed).type).to.equal('verity-error');
          await until(() => $(el, '.state.error'), 'no error state');
          expect(browser.listeners()).to.equal(1);
        }
        expect(browser.leaveAndReturn(el)).to.equal(0);
        await useMocks(...createHandlers({ store }));
        browser.reconnect();
        await until(() => cards(el).length === 10, 'did not load when back online');
        expect(browser.listeners()).to.equal(0);
      } finally {
        browser.restore();
      }
    });

    for (const locale of ['sv', 'cs', 'de']) {
      it(`is translated and accessible in ${locale}`, async () => {
        const el = await renderList({ locale });
        expect($(el, '[part="controls"] select option')!.textContent).to.not.equal('Newest first');
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible in the dark theme', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="background:#0d1117;padding:8px"></div>`);
      const el = document.createElement('verity-review-list');
      el.setAttribute('api', freshApi());
      el.setAttribute('business', DEMO_BUSINESS);
      el.setAttribute('theme', 'dark');
      const outcome = waitFor(el);
      wrapper.append(el);
      await outcome;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});

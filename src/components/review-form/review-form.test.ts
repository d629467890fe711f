import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { DEFAULT_RETRY } from '../../client/client.js';
import type { VerityReviewSubmittedEvent } from '../../internal/events.js';
import { DEMO_BUSINESS, DEMO_INVITATIONS, DEMO_PRODUCTS } from '../../mocks/fixtures.js';
import { createHandlers } from '../../mocks/handlers.js';
import { MockStore } from '../../mocks/store.js';
import { subtractMonths } from '../../rules/score.js';
import {
  accessibilityNode,
  description,
  expectIdleWithFocus,
  pressAndStayBusy,
  until,
  visibleText,
} from '../../../test/helpers/events.js';
import { freshApi, gate, useMocks } from '../../../test/helpers/msw.js';
import './define.js';
import type { VerityReviewForm } from './review-form.js';

const today = () => new Date().toISOString().slice(0, 10);
let store: MockStore;

async function renderForm(attributes: Record<string, string> = {}, api = freshApi()): Promise<VerityReviewForm> {
  const el = document.createElement('verity-review-form');
  el.setAttribute('api', api);
  el.setAttribute('business', DEMO_BUSINESS);
  el.setAttribute('locale', 'en');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await fixture(el);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: VerityReviewForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Types into a field as a browser would report it. */
async function fill(el: VerityReviewForm, name: string, value: string | boolean | number): Promise<void> {
  const control = $<HTMLInputElement>(el, `[name="${name}"]`)!;
  if (typeof value === 'boolean') control.checked = value;
  else (control as unknown as { value: unknown }).value = name === 'rating' ? value : String(value);
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fillValid(el: VerityReviewForm, author = 'Ana L.'): Promise<void> {
  await fill(el, 'rating', 4);
  await fill(el, 'title', 'Lovely beans');
  await fill(el, 'body', 'Fresh beans, quick delivery and a friendly note in the box.');
  await fill(el, 'authorName', author);
  if ($(el, '[name="email"]')) await fill(el, 'email', 'ana@mail.example');
  await fill(el, 'experiencedAt', today());
  await fill(el, 'consent', true);
}

async function submit(el: VerityReviewForm): Promise<void> {
  $<HTMLButtonElement>(el, '[part="submit"]')!.click();
  await el.updateComplete;
}

const stored = (author: string) => store.reviews.filter((r) => r.author.displayName === author);

describe('<verity-review-form>', () => {
  beforeEach(async () => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname);
    store = new MockStore();
    await useMocks(...createHandlers({ store }));
  });

  it('has every field under the API’s names, a moderation note, and no axe violations', async () => {
    const el = await renderForm();
    for (const name of [
      'rating',
      'title',
      'body',
      'authorName',
      'email',
      'orderReference',
      'experiencedAt',
      'consent',
      'website',
    ]) {
      expect($(el, `[name="${name}"]`), name).to.not.equal(null);
    }
    expect(visibleText(el.shadowRoot!)).to.contain('never for its rating');
    expect(visibleText(el.shadowRoot!)).to.contain('No one is paid or rewarded for a review.');
    const date = $<HTMLInputElement>(el, '[name="experiencedAt"]')!;
    expect(date.max).to.equal(today());
    expect(date.min).to.equal(subtractMonths(new Date(), 6).toISOString().slice(0, 10));
    await expect(el).to.be.accessible();
  });

  it('can be completed and sent by keyboard alone', async () => {
    // The date comes from a saved draft: date pickers take typed dates differently in each engine.
    const api = freshApi();
    localStorage.setItem(
      `verity-draft:${api}|${DEMO_BUSINESS}|`,
      JSON.stringify({ fields: { experiencedAt: today() }, idempotencyKey: 'kb-1', savedAt: new Date().toISOString() }),
    );
    const events: VerityReviewSubmittedEvent[] = [];
    document.addEventListener('verity-review-submitted', (e) => events.push(e), { once: true });
    const root = await fixture<HTMLElement>(html`<div><button>before</button></div>`);
    const el = document.createElement('verity-review-form');
    el.setAttribute('api', api);
    el.setAttribute('business', DEMO_BUSINESS);
    el.setAttribute('locale', 'en');
    root.append(el);
    await el.updateComplete;
    root.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' }); // "Discard draft"
    await sendKeys({ press: 'Tab' }); // the stars
    for (let i = 0; i < 4; i += 1) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    // (WebKitWebDriver drops spaces and doubled letters when typing: hyphens keep the text intact.)
    await sendKeys({ type: 'Great-taste' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Fresh-beans-quick-delivery-great-taste' });
    await sendKeys({ press: 'Tab' }); // the review's language: the page's
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('language');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Ola' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ola@mail.example' });
    // Past the restored date (its parts are tab stops of their own in some engines) to the consent.
    const focused = () => el.shadowRoot!.activeElement?.getAttribute('name');
    for (let i = 0; i < 6 && focused() !== 'consent'; i += 1) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('consent');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 1, 'the review was not sent');
    const [review] = stored('Ola');
    expect(review).to.include({
      rating: 4,
      title: 'Great-taste',
      body: 'Fresh-beans-quick-delivery-great-taste',
      language: 'en',
      // Without an invitation it waits for its author's confirmation by e-mail.
      status: 'unconfirmed',
    });
    expect(review!.email).to.equal('ola@mail.example');
    expect(events[0]!.detail).to.deep.equal({ id: review!.id, status: 'pending' });
    await until(() => el.shadowRoot!.activeElement === $(el, '.thanks h3'), 'focus did not move to the thanks');
  });

  it('names every problem beside its field and in a summary that takes focus', async () => {
    const el = await renderForm();
    await submit(el);
    const summary = $(el, '[part="error-summary"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'Choose a rating from 1 to 5 stars.',
      'Write about your experience.',
      'Enter the name to show with your review.',
      'Enter your e-mail address.',
      'Enter when you had the experience.',
      'Confirm that this is your own experience and that you received nothing for it.',
    ]);
    const body = $<HTMLTextAreaElement>(el, '[name="body"]')!;
    expect(body.getAttribute('aria-invalid')).to.equal('true');
    expect(body.getAttribute('aria-describedby')).to.contain('e-body');
    expect(el.shadowRoot!.getElementById('e-body')!.textContent).to.equal('Write about your experience.');
    // The rating's problem reaches the radio group inside the star input.
    const group = $(el, 'verity-star-input')!.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(description(group)).to.equal('Choose a rating from 1 to 5 stars.');
    const spoken = await accessibilityNode('[role="radiogroup"]');
    if (spoken) expect(spoken).to.include({ invalid: 'true', description: 'Choose a rating from 1 to 5 stars.' });
    await expect(el).to.be.accessible();
    (summary.querySelectorAll('a')[1] as HTMLAnchorElement).click();
    expect(el.shadowRoot!.activeElement).to.equal(body);
    expect(location.hash).to.equal('');
    expect(store.reviews.filter((r) => r.status === 'pending').length).to.equal(0);
  });

  const rules: [string, string, string | boolean, string][] = [
    ['title', 'title', 'x'.repeat(121), 'Keep the title to 120 characters.'],
    ['a short text', 'body', 'Too short', 'Write at least 20 characters.'],
    ['a long text', 'body', 'y'.repeat(5001), 'Keep your review to 5,000 characters.'],
    ['a one-letter name', 'authorName', 'A', 'Enter at least 2 characters.'],
    ['a long name', 'authorName', 'n'.repeat(61), 'Keep the name to 60 characters.'],
    ['an e-mail address without @', 'email', 'ana.mail.example', 'Enter an e-mail address like name@example.com.'],
    [
      'a date in the future',
      'experiencedAt',
      new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      'The date cannot be in the future.',
    ],
    [
      'a date more than 6 months back (R7)',
      'experiencedAt',
      subtractMonths(new Date(), 7).toISOString().slice(0, 10),
      'Reviews are about experiences from the last 6 months',
    ],
    ['no consent', 'consent', false, 'Confirm that this is your own experience'],
  ];
  for (const [name, field, value, message] of rules) {
    it(`rejects ${name}`, async () => {
      const el = await renderForm();
      await fillValid(el);
      await fill(el, field, value);
      await submit(el);
      const summary = $(el, '[part="error-summary"]')!;
      expect(summary.querySelectorAll('li').length).to.equal(1);
      expect(summary.textContent).to.contain(message);
      expect(el.shadowRoot!.getElementById(`e-${field}`)!.textContent).to.contain(message);
    });
  }

  it('clears a problem as soon as it is fixed', async () => {
    const el = await renderForm();
    await fillValid(el);
    await fill(el, 'body', 'Too short');
    await submit(el);
    expect($(el, '#e-body')).to.not.equal(null);
    await fill(el, 'body', 'Now this is long enough to be a review.');
    expect($(el, '#e-body')).to.equal(null);
  });

  it('keeps the draft when the form is removed and created again, and says so', async () => {
    const api = freshApi();
    const el = await renderForm({}, api);
    await fill(el, 'rating', 3);
    await fill(el, 'body', 'Half written review about the grinder');
    await fill(el, 'authorName', 'Kim');
    el.remove();
    const again = await renderForm({}, api);
    expect(($(again, '[name="rating"]') as unknown as { value: number }).value).to.equal(3);
    expect($<HTMLTextAreaElement>(again, '[name="body"]')!.value).to.equal('Half written review about the grinder');
    expect($<HTMLInputElement>(again, '[name="authorName"]')!.value).to.equal('Kim');
    expect(visibleText($(again, '[part="notice"]')!)).to.contain('We kept the review you had not sent yet.');
    await expect(again).to.be.accessible();
    $<HTMLButtonElement>(again, '[part="notice"] button')!.click();
    await again.updateComplete;
    expect($<HTMLTextAreaElement>(again, '[name="body"]')!.value).to.equal('');
    const third = await renderForm({}, api);
    expect($<HTMLTextAreaElement>(third, '[name="body"]')!.value).to.equal('');
  });

  it('asks the language of the review, the page’s by default, and sends the one chosen', async () => {
    const el = await renderForm({ locale: 'sv' });
    await until(() => $(el, 'label[for="f-language"]')?.textContent === 'Språk i din recension', 'not Swedish');
    const select = $<HTMLSelectElement>(el, 'select[name="language"]')!;
    expect(select.value).to.equal('sv');
    expect([...select.options].map((o) => o.value).sort()).to.deep.equal(['cs', 'de', 'en', 'sv']);
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal(
      new Intl.DisplayNames('sv', { type: 'language' }).of('sv'),
    );
    await expect(el).to.be.accessible();
    await fillValid(el, 'Deutsch Schreiber');
    await fill(el, 'language', 'de');
    await submit(el);
    await until(() => $(el, '.thanks'), 'not sent');
    expect(stored('Deutsch Schreiber')[0]!.language).to.equal('de');
  });

  it('offers the page’s language too when it is not built in, and sends it unless changed', async () => {
    const el = await renderForm({ locale: 'fr-CA' });
    const select = $<HTMLSelectElement>(el, 'select[name="language"]')!;
    expect(select.value).to.equal('fr');
    expect([...select.options].map((o) => o.value).sort()).to.deep.equal(['cs', 'de', 'en', 'fr', 'sv']);
    await fillValid(el, 'Page Language');
    await submit(el);
    await until(() => $(el, '.thanks'), 'not sent');
    expect(stored('Page Language')[0]!.language).to.equal('fr');
  });

  describe('drafts keep no personal data for long', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const keyOf = (api: string) => `verity-draft:${api}|${DEMO_BUSINESS}|`;
    const saved = (daysAgo: number) =>
      JSON.stringify({
        fields: { rating: 5, body: 'A review written a while ago, never sent.', authorName: 'Old Draft' },
        idempotencyKey: `old-${daysAgo}`,
        savedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
      });

    it('restores a draft saved 6 days ago, and forgets one saved 8 days ago', async () => {
      const recent = freshApi();
      localStorage.setItem(keyOf(recent), saved(6));
      const kept = await renderForm({}, recent);
      expect($<HTMLInputElement>(kept, '[name="authorName"]')!.value).to.equal('Old Draft');
      expect(visibleText($(kept, '[part="notice"]')!)).to.contain('We kept the review you had not sent yet.');

      const old = freshApi();
      localStorage.setItem(keyOf(old), saved(8));
      const forgotten = await renderForm({}, old);
      expect($<HTMLInputElement>(forgotten, '[name="authorName"]')!.value).to.equal('');
      expect($<HTMLTextAreaElement>(forgotten, '[name="body"]')!.value).to.equal('');
      expect($(forgotten, '[part="notice"]')).to.equal(null);
      expect(localStorage.getItem(keyOf(old))).to.equal(null);
    });

    it('forgets a draft without a date it was saved', async () => {
      const api = freshApi();
      localStorage.setItem(keyOf(api), JSON.stringify({ fields: { authorName: 'Undated' }, idempotencyKey: 'x' }));
      const el = await renderForm({}, api);
      expect($<HTMLInputElement>(el, '[name="authorName"]')!.value).to.equal('');
      expect(localStorage.getItem(keyOf(api))).to.equal(null);
    });

    it('never stores the e-mail address, and drops one an older draft had', async () => {
      const api = freshApi();
      const el = await renderForm({}, api);
      await fillValid(el, 'Private Person');
      el.remove(); // saves at once
      const stored = localStorage.getItem(keyOf(api))!;
      expect(stored).to.contain('Private Person');
      expect(stored).to.not.contain('ana@mail.example');
      const again = await renderForm({}, api);
      expect($<HTMLInputElement>(again, '[name="authorName"]')!.value).to.equal('Private Person');
      expect($<HTMLInputElement>(again, '[name="email"]')!.value).to.equal('');

      const older = freshApi();
      const draft = JSON.parse(saved(1)) as { fields: Record<string, unknown> };
      draft.fields.email = 'old@mail.example';
      localStorage.setItem(keyOf(older), JSON.stringify(draft));
      const restored = await renderForm({}, older);
      expect($<HTMLInputElement>(restored, '[name="authorName"]')!.value).to.equal('Old Draft');
      expect($<HTMLInputElement>(restored, '[name="email"]')!.value).to.equal('');
      expect(localStorage.getItem(keyOf(older))).to.not.contain('old@mail.example');
    });

    it('is removed once the review is sent, even when typed into while sending', async () => {
      const answers = gate();
      await useMocks(
        http.post('*/v1/businesses/:business/reviews', async () => {
          await answers.wait();
          return undefined;
        }),
        ...createHandlers({ store }),
      );
      const api = freshApi();
      const el = await renderForm({}, api);
      await fillValid(el, 'Sent Once');
      await submit(el);
      await fill(el, 'title', 'Lovely beans, really');
      answers.open();
      await until(() => $(el, '.thanks'), 'not sent');
      await aTimeout(600); // past the autosave's pause
      expect(localStorage.getItem(keyOf(api))).to.equal(null);
      el.remove();
      expect(localStorage.getItem(keyOf(api))).to.equal(null);
      const again = await renderForm({}, api);
      expect($(again, '[part="notice"]')).to.equal(null);
      expect($<HTMLInputElement>(again, '[name="authorName"]')!.value).to.equal('');
    });
  });

  it('keeps everything when the network fails, and a retry creates exactly one review with the same key', async () => {
    const keys: (string | null)[] = [];
    let failing = true;
    // The first attempts reach the server (which stores the review) but the answer is lost.
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', async ({ request, params }) => {
        keys.push(request.headers.get('idempotency-key'));
        store.submit(String(params.business), await request.clone().json(), request.headers.get('idempotency-key'));
        return failing ? HttpResponse.error() : undefined;
      }),
      ...createHandlers({ store }),
    );
    const el = await renderForm();
    await fillValid(el, 'Retry Tester');
    await submit(el);
    await until(() => $(el, '.failure'), 'no failure message');
    expect(visibleText($(el, '.failure')!)).to.contain('the connection failed. Nothing is lost');
    expect($<HTMLTextAreaElement>(el, '[name="body"]')!.value).to.equal(
      'Fresh beans, quick delivery and a friendly note in the box.',
    );
    await expect(el).to.be.accessible();
    failing = false;
    $<HTMLButtonElement>(el, '.failure button')!.click();
    await until(() => $(el, '.thanks'), 'the retry did not succeed');
    expect(stored('Retry Tester').length).to.equal(1);
    expect(keys.length).to.be.greaterThan(1);
    expect(new Set(keys).size).to.equal(1);
  });

  it('cannot be sent twice by a double click', async () => {
    let posts = 0;
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', async () => {
        posts += 1;
        await aTimeout(200);
        return undefined;
      }),
      ...createHandlers({ store }),
    );
    const el = await renderForm();
    await fillValid(el, 'Double Click');
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Sending…');
    await expect(el).to.be.accessible();
    await until(() => $(el, '.thanks'), 'not sent');
    expect(posts).to.equal(1);
    expect(stored('Double Click').length).to.equal(1);
  });

  it('keeps the keyboard focus on the send and retry buttons while sending and after a failure', async () => {
    let posts = 0;
    const answers = gate();
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', async () => {
        posts += 1;
        await answers.wait();
        return HttpResponse.error();
      }),
    );
    const el = await renderForm();
    await fillValid(el);
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    await pressAndStayBusy(button, el, 'Sending…');
    await sendKeys({ press: 'Enter' });
    answers.open();
    await until(() => $(el, '.failure'), 'no failure message');
    expectIdleWithFocus(button);
    // One send (the client's own retries included): the second Enter while sending sent nothing.
    const perSend = DEFAULT_RETRY.retries + 1;
    expect(posts).to.equal(perSend);

    const retry = $<HTMLButtonElement>(el, '.failure button.retry')!;
    answers.close();
    await pressAndStayBusy(retry, el, 'Sending…');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    answers.open();
    await until(() => retry.getAttribute('aria-disabled') === 'false', 'the retry did not end');
    expectIdleWithFocus(retry);
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(posts).to.equal(2 * perSend);
  });

  it('says when to try again after a 429, keeping the text', async () => {
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Slow down' } },
          { status: 429, headers: { 'retry-after': '30' } },
        ),
      ),
    );
    const el = await renderForm();
    await fillValid(el);
    await submit(el);
    await until(() => $(el, '.failure'), 'no message');
    expect(visibleText($(el, '.failure')!)).to.contain('Please try again in 30 seconds.');
    expect($<HTMLInputElement>(el, '[name="authorName"]')!.value).to.equal('Ana L.');
  });

  it('puts the server’s field errors on the fields, and says those without a field', async () => {
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Invalid',
              fields: { body: 'too_short', product: 'unknown_product' },
            },
          },
          { status: 400 },
        ),
      ),
    );
    const el = await renderForm();
    await fillValid(el);
    await submit(el);
    await until(() => $(el, '[part="error-summary"]'), 'no summary');
    const summary = $(el, '[part="error-summary"]')!;
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'Write at least 20 characters.',
      'This product cannot be reviewed here.',
    ]);
    // A link only where there is a field to go to.
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#f-body']);
    expect(el.shadowRoot!.getElementById('e-body')!.textContent).to.equal('Write at least 20 characters.');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
  });

  describe('invitations', () => {
    it('takes the token out of the page’s URL, keeping the rest and the hash, and keeps it across a reload', async () => {
      const api = freshApi();
      history.replaceState(
        { shop: 1 },
        '',
        `${location.pathname}?utm_source=mail&invitation=${DEMO_INVITATIONS[1]}&q=a%20b+c#write`,
      );
      const el = await renderForm({}, api);
      expect(location.search).to.equal('?utm_source=mail&q=a%20b+c');
      expect(location.hash).to.equal('#write');
      expect(history.state).to.deep.equal({ shop: 1 });
      expect(visibleText($(el, '.notice.verified')!)).to.contain('your review will be marked as verified');
      el.remove();
      // A reload: the URL no longer has the token, the draft does.
      const again = await renderForm({}, api);
      expect($(again, '[name="email"]')).to.equal(null);
      await fillValid(again, 'Reloaded Buyer');
      await submit(again);
      await until(() => $(again, '.thanks'), 'not sent');
      expect(stored('Reloaded Buyer')[0]!.verification).to.deep.equal({ status: 'verified', method: 'invitation' });
      expect(localStorage.getItem(`verity-draft:${api}|${DEMO_BUSINESS}|`)).to.equal(null);
    });

    const problems: [string, () => Record<string, string>, string][] = [
      [
        'expired',
        () => {
          store.invitations.get(DEMO_INVITATIONS[2]!)!.expiresAt = new Date(Date.now() - 86_400_000).toISOString();
          return { invitation: DEMO_INVITATIONS[2]! };
        },
        'This review link has expired.',
      ],
      [
        'used',
        () => {
          store.invitations.get(DEMO_INVITATIONS[3]!)!.usedBy = 'an-earlier-review';
          return { invitation: DEMO_INVITATIONS[3]! };
        },
        'This review link was already used for a review.',
      ],
      ['not valid', () => ({ invitation: 'no-such-token' }), 'This review link is not valid.'],
      [
        'for another product',
        // The fixtures' fifth invitation is for the espresso.
        () => ({ invitation: DEMO_INVITATIONS[4]!, product: DEMO_PRODUCTS.grinder }),
        'This review link is for another product.',
      ],
    ];
    for (const [name, setUp, message] of problems) {
      it(`an invitation link ${name}: says so, and sends the review as not verified with every typed word`, async () => {
        const sent: Record<string, unknown>[] = [];
        await useMocks(
          http.post('*/v1/businesses/:business/reviews', async ({ request }) => {
            sent.push((await request.clone().json()) as Record<string, unknown>);
            return undefined;
          }),
          ...createHandlers({ store }),
        );
        const el = await renderForm(setUp());
        await fillValid(el, `Refused ${name}`);
        await submit(el);
        await until(() => $(el, '.invitation-problem'), 'no message about the invitation');
        const alert = $(el, '.invitation-problem')!;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(visibleText(alert)).to.equal(
          `${message} You can still send your review; it will be shown as not verified. Continue as not verified`,
        );
        expect(el.shadowRoot!.activeElement).to.equal(alert);
        expect($(el, '.notice.verified')).to.equal(null);
        expect($(el, '[part="error-summary"]')).to.equal(null);
        await expect(el).to.be.accessible();

        alert.querySelector('button')!.click();
        await el.updateComplete;
        expect($(el, '.invitation-problem')).to.equal(null);
        const email = $<HTMLInputElement>(el, '[name="email"]')!;
        expect(el.shadowRoot!.activeElement).to.equal(email);
        expect($<HTMLInputElement>(el, '[name="title"]')!.value).to.equal('Lovely beans');
        expect($<HTMLTextAreaElement>(el, '[name="body"]')!.value).to.equal(
          'Fresh beans, quick delivery and a friendly note in the box.',
        );
        expect($<HTMLInputElement>(el, '[name="authorName"]')!.value).to.equal(`Refused ${name}`);
        expect(($(el, '[name="rating"]') as unknown as { value: number }).value).to.equal(4);
        expect($<HTMLInputElement>(el, '[name="consent"]')!.checked).to.equal(true);
        await fill(el, 'email', 'buyer@mail.example');
        await submit(el);
        await until(() => $(el, '.thanks'), 'not sent');
        expect(sent.at(-1)).to.not.have.property('invitationToken');
        const [review] = stored(`Refused ${name}`);
        expect(review!.verification).to.deep.equal({ status: 'unverified', method: null });
        expect(review!.email).to.equal('buyer@mail.example');
      });
    }
  });

  it('answers a filled honeypot like a success but stores nothing', async () => {
    const el = await renderForm();
    await fillValid(el, 'Honey Bot');
    $<HTMLInputElement>(el, '[name="website"]')!.value = 'http://spam.example';
    await submit(el);
    await until(() => $(el, '.thanks'), 'no thanks');
    expect(stored('Honey Bot').length).to.equal(0);
  });

  it('with an invitation: says the review will be verified, asks no e-mail, and is verified (R8)', async () => {
    history.replaceState(null, '', `${location.pathname}?invitation=${DEMO_INVITATIONS[0]}`);
    const el = await renderForm();
    expect(location.search).to.equal('');
    expect($(el, '[name="email"]')).to.equal(null);
    expect(visibleText($(el, '.notice.verified')!)).to.equal(
      'You were invited after your purchase: your review will be marked as verified.',
    );
    await expect(el).to.be.accessible();
    await fillValid(el, 'Invited Buyer');
    await submit(el);
    await until(() => $(el, '.thanks'), 'not sent');
    const [review] = stored('Invited Buyer');
    expect(review!.verification).to.deep.equal({ status: 'verified', method: 'invitation' });
    expect(review!.email).to.equal(null);
  });

  it('thanks the reviewer, asks to confirm by e-mail, and says moderation is for content only (R4)', async () => {
    const el = await renderForm();
    await fillValid(el, 'Thankful');
    await submit(el);
    await until(() => $(el, '.thanks'), 'no thanks');
    expect(visibleText($(el, '.thanks')!)).to.equal(
      'Thank you for your review! Please confirm it: we sent a link to your e-mail address. Unconfirmed, it is deleted after 7 days. It will be published once it has been checked for offensive language and personal data. It is never checked for its rating.',
    );
    await expect(el).to.be.accessible();
    const again = await renderForm();
    expect($<HTMLTextAreaElement>(again, '[name="body"]')!.value).to.equal('');
  });

  it('sends the order reference under the shop’s own label, never with an invitation', async () => {
    const el = await renderForm({ 'order-reference-label': 'Order number' });
    const input = $<HTMLInputElement>(el, '[name="orderReference"]')!;
    const label = el.shadowRoot!.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`)!;
    expect(visibleText(label)).to.contain('Order number');
    await expect(el).to.be.accessible();
    await fillValid(el, 'Order Owner');
    await fill(el, 'orderReference', '  A-1001 ');
    await submit(el);
    await until(() => $(el, '.thanks'), 'not sent');
    const [review] = stored('Order Owner');
    expect(review!.orderReference).to.equal('A-1001');
    const invited = await renderForm({ invitation: DEMO_INVITATIONS[1]! });
    expect($(invited, '[name="orderReference"]')).to.equal(null);
  });

  it('thanks for a review published at once (a verified invitation) without saying it is checked first', async () => {
    await useMocks(
      http.post('*/v1/businesses/:business/reviews', () =>
        HttpResponse.json(
          { id: 'published-1', status: 'published', verification: { status: 'verified', method: 'invitation' } },
          { status: 201 },
        ),
      ),
    );
    const events: VerityReviewSubmittedEvent[] = [];
    const el = await renderForm({ invitation: DEMO_INVITATIONS[0]! });
    el.addEventListener('verity-review-submitted', (e) => events.push(e));
    await fillValid(el);
    await submit(el);
    await until(() => $(el, '.thanks'), 'no thanks');
    expect(visibleText($(el, '.thanks')!)).to.equal('Thank you for your review! Your review is published.');
    expect(events.map((e) => e.detail)).to.deep.equal([{ id: 'published-1', status: 'published' }]);
    await expect(el).to.be.accessible();
  });

  it('speaks each built-in locale and is accessible in the dark theme', async () => {
    for (const [locale, submitText] of [
      ['sv', 'Skicka recension'],
      ['cs', 'Odeslat recenzi'],
      ['de', 'Bewertung senden'],
    ]) {
      const el = await renderForm({ locale: locale! });
      await until(() => $(el, '[part="submit"]')!.textContent!.trim() === submitText, `not ${locale}`);
      await submit(el);
      await expect(el).to.be.accessible();
    }
    const wrapper = await fixture<HTMLElement>(html`<div style="background:#0d1117;padding:8px"></div>`);
    const el = document.createElement('verity-review-form');
    el.setAttribute('api', freshApi());
    el.setAttribute('business', DEMO_BUSINESS);
    el.setAttribute('theme', 'dark');
    wrapper.append(el);
    await el.updateComplete;
    await submit(el);
    await expect(el).to.be.accessible();
  });
});

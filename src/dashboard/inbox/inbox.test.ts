import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { MODERATION_REASONS } from '../../client/schemas.js';
import { createDashboardHandlers } from '../../mocks/admin-handlers.js';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { offline, serverError } from '../../mocks/scenarios.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen, recordApi, setOnline } from '../../../test/helpers/dashboard.js';
import { useMocks } from '../../../test/helpers/msw.js';
import './define.js';
import type { VerityDashInbox } from './inbox.js';

const mount = (options: Parameters<typeof mountScreen>[1] = {}) =>
  mountScreen<VerityDashInbox>('verity-dash-inbox', options);
const cards = (el: VerityDashInbox) => $$(el, 'article.card');
const card = (el: VerityDashInbox, author: string) =>
  cards(el).find((c) => c.querySelector('.author')!.textContent!.trim() === author)!;
const status = (el: VerityDashInbox) => $(el, '[role="status"][aria-live]')!.textContent!.trim();
const button = (root: ParentNode, selector: string) => root.querySelector<HTMLButtonElement>(selector)!;

/** Moderation answers that wait, so the optimistic state can be seen. */
function slowModeration(store: AdminMockStore, ms: number) {
  return [
    http.post('*/v1/admin/reviews/:id/moderation', async () => {
      await delay(ms);
      return undefined;
    }),
    ...createDashboardHandlers({ store }),
  ];
}

describe('<verity-dash-inbox>', () => {
  it('shows the first page of the queue with stars, author, provenance and the flags marked in the text', async () => {
    const { el, store } = await mount();
    const total = (store.reviews('nordlys', new URLSearchParams('status=pending')).body as { total: number }).total;
    expect(cards(el).length).to.equal(20);
    expect(visibleText($(el, '.pager')!)).to.contain(`Showing 20 of ${total}`);
    expect(visibleText($(el, '.screen-head')!)).to.contain(`${total} reviews waiting`);
    const anna = card(el, 'Anna Berg');
    expect(anna.querySelector('.stars')!.getAttribute('aria-label')).to.equal('Rated 1 out of 5');
    expect(visibleText(anna.querySelector('[part="provenance"]')!)).to.contain('Unverified');
    const marked = [...anna.querySelectorAll('.body-text mark')].map((m) => m.textContent);
    expect(marked).to.deep.equal(['+46 70 123 45 67', 'anna.berg@mail.example']);
    expect(visibleText(anna.querySelector('.flags')!)).to.contain('a phone number in the text: +46 70 123 45 67');
    const lars = card(el, 'Lars');
    expect(lars.querySelector('h3 mark')!.textContent).to.equal('Idioter');
    await expect(el).to.be.accessible();
  });

  it('shows hostile text as text: no element comes out of a review', async () => {
    const { el } = await mount();
    const hostile = card(el, 'x');
    expect(hostile.querySelector('h3')!.textContent).to.contain('<script>alert("title")</script>');
    expect(hostile.querySelectorAll('script, img, a[href^="javascript"]').length).to.equal(0);
  });

  it('is accessible in the dark theme', async () => {
    const { el } = await mount({ dark: true });
    await expect(el).to.be.accessible();
  });

  it('loads more a page at a time, never everything at once', async () => {
    const { el, worker } = await mount();
    const api = recordApi(worker);
    button(el.shadowRoot!, '.load-more').click();
    await until(() => cards(el).length > 20, 'no second page');
    expect(api.sent.at(-1)!.search.get('limit')).to.equal('20');
    expect(api.sent.at(-1)!.search.get('cursor')).to.be.a('string');
    expect(status(el)).to.match(/more loaded/);
    api.stop();
  });

  it('approves at once, and the API receives the approval', async () => {
    const store = new AdminMockStore();
    const { el, worker } = await mount({ store, handlers: slowModeration(store, 400) });
    const api = recordApi(worker);
    const before = cards(el).length;
    button(card(el, 'Anna Berg'), 'button.approve').click();
    await el.updateComplete;
    expect(cards(el).length, 'gone before the answer').to.equal(before - 1);
    expect(status(el)).to.equal('Approved the review by Anna Berg.');
    await until(() => api.sent.some((r) => r.method === 'POST'), 'nothing sent');
    const sent = api.sent.find((r) => r.method === 'POST')!;
    await until(() => sent.body, 'no body');
    expect(sent.path).to.equal('/v1/admin/reviews/nordlys-p0001/moderation');
    expect(sent.body).to.deep.equal({ decision: 'approve' });
    api.stop();
  });

  it('puts the review back and says so when the API refuses', async () => {
    const store = new AdminMockStore();
    const { el } = await mount({
      store,
      handlers: [
        http.post('*/v1/admin/reviews/:id/moderation', () =>
          HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 500 }),
        ),
        ...createDashboardHandlers({ store }),
      ],
    });
    const first = cards(el)[0]!.closest('li')!.dataset.id;
    button(cards(el)[0]!, 'button.approve').click();
    await until(() => status(el).includes('could not be saved'), 'no announcement');
    expect(status(el)).to.equal('The decision on the review by Anna Berg could not be saved; it is back in the list.');
    expect(cards(el)[0]!.closest('li')!.dataset.id).to.equal(first);
  });

  it('rejects only with an R4 reason, and never offers the rating as one', async () => {
    const { el, worker } = await mount();
    const api = recordApi(worker);
    button(card(el, 'Anna Berg'), 'button.reject').click();
    const dialog = await until(() => $<HTMLDialogElement>(el, 'dialog[open]'), 'no dialog').then(() =>
      $<HTMLDialogElement>(el, 'dialog')!,
    );
    const reasons = [...dialog.querySelectorAll<HTMLInputElement>('input[name="reason"]')].map((r) => r.value);
    expect(reasons).to.deep.equal([...MODERATION_REASONS]);
    const labels = visibleText(dialog.querySelector('fieldset')!);
    expect(labels).to.not.match(/rating|star/i);
    expect(visibleText(dialog)).to.contain('The rating is never a reason');
    expect(visibleText(dialog.querySelector('label:has(input[value="personal_data"])')!)).to.contain(
      'suggested by the checks',
    );
    await expect(el).to.be.accessible();

    button(dialog, 'button[type="submit"]').click();
    await el.updateComplete;
    expect(visibleText(dialog)).to.contain('Choose a reason: a review can be rejected only for its content.');
    expect(dialog.open).to.equal(true);
    expect(api.sent.filter((r) => r.method === 'POST')).to.have.length(0);

    dialog.querySelector<HTMLInputElement>('input[value="personal_data"]')!.click();
    button(dialog, 'button[type="submit"]').click();
    await until(() => api.sent.find((r) => r.method === 'POST')?.body, 'nothing sent');
    expect(api.sent.find((r) => r.method === 'POST')!.body).to.deep.equal({
      decision: 'reject',
      reason: 'personal_data',
    });
    expect(dialog.open).to.equal(false);
    expect(cards(el).some((c) => c.querySelector('.author')!.textContent!.trim() === 'Anna Berg')).to.equal(false);
    expect(status(el)).to.equal('Rejected the review by Anna Berg.');
    api.stop();
  });

  it('approves the selected reviews together', async () => {
    const { el, worker } = await mount();
    const api = recordApi(worker);
    const [a, b] = cards(el);
    a!.querySelector<HTMLInputElement>('input.select')!.click();
    b!.querySelector<HTMLInputElement>('input.select')!.click();
    await el.updateComplete;
    const bulk = button(el.shadowRoot!, '.approve-selected');
    expect(bulk.textContent!.trim()).to.equal('Approve 2 selected');
    bulk.click();
    await until(() => api.sent.filter((r) => r.method === 'POST').length === 2, 'not both sent');
    expect(cards(el).length).to.equal(18);
    expect(status(el)).to.equal('Approved 2 reviews.');
    api.stop();
  });

  it('works from the keyboard: j/k move, x selects, a approves, r rejects; not while typing', async () => {
    const { el, worker } = await mount();
    const api = recordApi(worker);
    const shortcuts = visibleText($(el, '.shortcuts')!);
    expect(shortcuts).to.contain('j k next / previous');
    expect(shortcuts).to.contain('a approve');

    cards(el)[0]!.focus();
    await sendKeys({ press: 'j' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[1]);
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'x' });
    await el.updateComplete;
    expect(cards(el)[1]!.querySelector<HTMLInputElement>('input.select')!.checked).to.equal(true);
    const second = cards(el)[1]!.closest('li')!.dataset.id;
    await sendKeys({ press: 'a' });
    await until(() => api.sent.some((r) => r.method === 'POST'), 'a did not approve');
    expect(api.sent.find((r) => r.method === 'POST')!.path).to.contain(second!);
    await sendKeys({ press: 'r' });
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'r did not open the dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !$<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog stayed');

    // Typing in a field is typing.
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    const count = cards(el).length;
    await sendKeys({ type: 'ajx' });
    await el.updateComplete;
    expect(cards(el).length).to.equal(count);
    expect(field.value).to.equal('ajx');
    field.remove();
    api.stop();
  });

  it('says when nothing is waiting', async () => {
    const { el } = await mount({ store: new AdminMockStore({ empty: true }) });
    expect(visibleText($(el, '.state')!)).to.equal(
      'No reviews are waiting. New reviews appear here before they are published.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that works', async () => {
    const { el } = await mount({ handlers: serverError() });
    const alert = $(el, '[role="alert"]')!;
    expect(visibleText(alert)).to.contain('This could not be loaded.');
    await expect(el).to.be.accessible();
    await useMocks(...createDashboardHandlers());
    button(alert, 'button').click();
    await until(() => cards(el).length === 20, 'the retry did not load');
  });

  it('says it is offline, and loads by itself when the connection is back', async () => {
    setOnline(false);
    try {
      const { el } = await mount({ handlers: offline() });
      expect(visibleText($(el, '.banner.offline')!)).to.contain('You are offline');
      expect(visibleText($(el, '[role="alert"]')!)).to.contain('This loads again by itself');
      await useMocks(...createDashboardHandlers());
      setOnline(true);
      await until(() => cards(el).length === 20, 'did not load when back online');
      expect($(el, '.banner.offline')).to.equal(null);
    } finally {
      setOnline(true);
    }
  });
});

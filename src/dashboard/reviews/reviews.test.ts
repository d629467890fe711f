import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createDashboardHandlers } from '../../mocks/admin-handlers.js';
import { AdminMockStore, DEMO_MEMBER_EMAIL } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen, recordApi, settled } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashReview } from './review.js';
import type { VerityDashReviews } from './reviews.js';

const me = {
  email: DEMO_MEMBER_EMAIL,
  memberships: [{ business: { id: 'nordlys', name: 'Nordlys Kaffe' }, role: 'owner' as const }],
};

describe('<verity-dash-reviews>', () => {
  it('lists published reviews, each linking to its page, and is accessible light and dark', async () => {
    const { el } = await mountScreen<VerityDashReviews>('verity-dash-reviews');
    const items = $$(el, '.results > li');
    expect(items.length).to.equal(20);
    const link = items[0]!.querySelector('a')!;
    expect(new URL(link.href).pathname).to.match(/^\/dashboard\/reviews\/nordlys-\d+$/);
    expect(new URL(link.href).searchParams.get('business')).to.equal('nordlys');
    await expect(el).to.be.accessible();
    const dark = await mountScreen<VerityDashReviews>('verity-dash-reviews', { dark: true });
    await expect(dark.el).to.be.accessible();
  });

  it('searches, filters by stars, verified and status, and sends the filters to the API', async () => {
    const { el, worker } = await mountScreen<VerityDashReviews>('verity-dash-reviews');
    const api = recordApi(worker);
    const q = $<HTMLInputElement>(el, '#q')!;
    q.value = 'crema';
    q.closest('form')!.requestSubmit();
    await until(() => api.sent.some((r) => r.search.get('q') === 'crema'), 'no search sent');
    await settled(el);
    // The request is seen before its answer is shown: wait for the page to show the matches.
    const texts = () => $$(el, '.results > li').map((li) => visibleText(li).toLowerCase());
    await until(() => texts().length > 0 && texts().every((text) => text.includes('crema')), 'only matches shown');

    const rating = $<HTMLSelectElement>(el, '#rating')!;
    rating.value = '5';
    rating.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, 'input[type="checkbox"]')!.click();
    await until(
      () => api.sent.some((r) => r.search.get('rating') === '5' && r.search.get('verified') === 'true'),
      'no filters sent',
    );
    await settled(el);
    await until(
      () =>
        $$(el, '.results > li').every(
          (li) => li.querySelector('.stars')!.getAttribute('aria-label') === 'Rated 5 out of 5',
        ),
      'only five-star reviews shown',
    );
    for (const li of $$(el, '.results > li')) {
      expect(li.querySelector('.stars')!.getAttribute('aria-label')).to.equal('Rated 5 out of 5');
      expect(visibleText(li)).to.contain('Verified');
    }

    const status = $<HTMLSelectElement>(el, '#status')!;
    status.value = 'rejected';
    status.dispatchEvent(new Event('change'));
    await until(() => api.sent.some((r) => r.search.get('status') === 'rejected'), 'no status sent');
    api.stop();
  });

  it('says when nothing matches, and clears the filters', async () => {
    const { el } = await mountScreen<VerityDashReviews>('verity-dash-reviews', {
      props: { params: new URLSearchParams('q=nothing-like-this-anywhere') },
    });
    expect(visibleText($(el, '.state')!)).to.contain('No reviews match these filters.');
    $<HTMLButtonElement>(el, '.state button')!.click();
    await until(() => $$(el, '.results > li').length === 20, 'not cleared');
  });
});

describe('<verity-dash-review>', () => {
  const mount = (id: string, store?: AdminMockStore) =>
    mountScreen<VerityDashReview>('verity-dash-review', { store, props: { reviewId: id, me } });

  it('shows the review in full with its private details and its history', async () => {
    const { el } = await mount('nordlys-p0001');
    expect($(el, '.body-text mark')!.textContent).to.equal('+46 70 123 45 67');
    expect(visibleText($(el, 'dl.facts')!)).to.contain('anna.berg@mail.example');
    expect(visibleText($(el, '.history')!)).to.contain('Submitted by the reviewer or the public');
    await expect(el).to.be.accessible();
  });

  it('shows who moderated and why', async () => {
    const { el } = await mount('nordlys-r1');
    const history = visibleText($(el, '.history')!);
    expect(history).to.contain('Rejected by barista@nordlys.example · reason: Offensive language');
    expect(visibleText($(el, 'dl.facts')!)).to.contain('Rejected for: Offensive language');
  });

  describe('Find reviewer', () => {
    const panel = (el: VerityDashReview) => $(el, '.find-reviewer')!;

    it('asks the author once; the request then waits for the answer, and is accessible', async () => {
      const { el, worker } = await mount('nordlys-00003');
      const api = recordApi(worker);
      await until(() => $(el, 'button.ask-identity'), 'no ask button');
      expect(visibleText(panel(el))).to.contain('3 days to answer');
      $<HTMLButtonElement>(el, 'button.ask-identity')!.click();
      await until(() => visibleText(panel(el)).includes('has until'), 'not waiting');
      expect($(el, 'button.ask-identity')).to.equal(null);
      expect(api.sent.filter((r) => r.method === 'POST' && r.path.endsWith('/identity-requests')).length).to.equal(1);
      expect(el.shadowRoot!.activeElement?.id).to.equal('find-reviewer-title');
      await expect(el).to.be.accessible();
    });

    it("shows the author's answer to the team only, field by field, as text", async () => {
      const { el } = await mount('nordlys-00002');
      await until(() => $(el, '.find-reviewer dl'), 'no answer');
      const text = visibleText(panel(el));
      expect(text).to.contain('The reviewer answered on');
      expect(text).to.contain('Order reference');
      expect(text).to.contain('NK-10452');
      expect(text).to.contain('ola.nordmann@mail.example');
      expect($(el, 'button.ask-identity')).to.equal(null);
    });

    it('without an answer, reports the review as not genuine: the author is asked for proof', async () => {
      const { el } = await mount('nordlys-00007', new AdminMockStore());
      await until(() => $(el, 'button.report-identity'), 'no report button');
      $<HTMLButtonElement>(el, 'button.report-identity')!.click();
      await until(() => visibleText(panel(el)).includes('Proof requested'), 'no proof requested');
      expect($(el, 'button.report-identity')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('never offers to ask about a review verified by invitation, and says why', async () => {
      const { el } = await mount('nordlys-00008');
      await until(() => visibleText(panel(el)).includes('invitations'), 'no explanation');
      expect($(el, 'button.ask-identity')).to.equal(null);
    });

    it('says what the API refused, in the screen language, and keeps the rest', async () => {
      const store = new AdminMockStore();
      const { el } = await mountScreen<VerityDashReview>('verity-dash-review', {
        locale: 'sv',
        props: { reviewId: 'nordlys-00003', me },
        handlers: [
          http.post('*/v1/admin/reviews/:id/identity-requests', () =>
            HttpResponse.json({ error: { code: 'report_window_closed', message: 'Too old' } }, { status: 422 }),
          ),
          ...createDashboardHandlers({ store }),
        ],
      });
      await until(() => $(el, 'button.ask-identity'), 'no ask button');
      await until(() => visibleText(panel(el)).includes('Hitta recensenten'), 'not in Swedish');
      $<HTMLButtonElement>(el, 'button.ask-identity')!.click();
      await until(() => $(el, '.find-reviewer [role="alert"]'), 'no error');
      expect(visibleText($(el, '.find-reviewer [role="alert"]')!)).to.contain('12 månader');
      expect($(el, 'button.ask-identity'), 'still askable').to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  it('writes a public reply, shown as the shop, then edits it (a second post replaces it)', async () => {
    const store = new AdminMockStore();
    const { el, worker } = await mount('nordlys-00003', store);
    const api = recordApi(worker);
    expect(visibleText($(el, '[aria-labelledby="reply-title"]')!)).to.contain('No reply yet.');
    $<HTMLButtonElement>(el, 'button.edit-reply')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#reply-author')!.value, 'signed as the shop').to.equal('Nordlys Kaffe');
    $<HTMLTextAreaElement>(el, '#reply-body')!.value = 'Thank you for the kind words!';
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => $(el, '.reply-preview'), 'no reply shown');
    expect(visibleText($(el, '.reply-preview')!)).to.contain('Reply from Nordlys Kaffe');
    expect(visibleText($(el, '.reply-body')!)).to.equal('Thank you for the kind words!');
    await until(() => api.sent.find((r) => r.method === 'POST')?.body, 'nothing sent');
    expect(api.sent.find((r) => r.method === 'POST')!.body).to.deep.equal({
      body: 'Thank you for the kind words!',
      authorName: 'Nordlys Kaffe',
    });

    $<HTMLButtonElement>(el, 'button.edit-reply')!.click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#reply-body')!.value).to.equal('Thank you for the kind words!');
    $<HTMLTextAreaElement>(el, '#reply-body')!.value = 'Thank you, we are glad it arrived fresh.';
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(
      () => visibleText($(el, '.reply-body') ?? el) === 'Thank you, we are glad it arrived fresh.',
      'not updated',
    );
    await until(() => visibleText($(el, '.history')!).includes('Reply edited by you'), 'no history of the edit');
    expect(visibleText($(el, '.history')!)).to.contain('Replied by you');
    expect(store.base.reviews.find((r) => r.id === 'nordlys-00003')!.reply!.body).to.equal(
      'Thank you, we are glad it arrived fresh.',
    );
    api.stop();
  });

  it('checks the reply before sending it', async () => {
    const { el, worker } = await mount('nordlys-00003');
    const api = recordApi(worker);
    $<HTMLButtonElement>(el, 'button.edit-reply')!.click();
    await el.updateComplete;
    $<HTMLTextAreaElement>(el, '#reply-body')!.value = '   ';
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect($(el, '#reply-body')!.getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText($(el, '#body-error')!)).to.equal('This is required.');
    expect(api.sent.filter((r) => r.method === 'POST')).to.have.length(0);
    api.stop();
  });

  it('says when the review does not exist here', async () => {
    const { el } = await mountScreen<VerityDashReview>('verity-dash-review', {
      handlers: [
        http.get('*/v1/admin/reviews/:id', () =>
          HttpResponse.json({ error: { code: 'not_found', message: 'No' } }, { status: 404 }),
        ),
        ...createDashboardHandlers(),
      ],
      props: { reviewId: 'elsewhere-1', me },
    });
    expect(visibleText(el.shadowRoot!)).to.contain('There is no such review, or it belongs to another business.');
  });
});

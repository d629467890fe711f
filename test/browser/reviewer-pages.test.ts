/**
 * The reviewer's pages (SPEC §7) as the server renders them, in a real browser: every built-in
 * locale, light and dark, without an axe violation, and usable by keyboard alone (each field and
 * button is reached with Tab, a rating is chosen with the arrow keys, a form is sent with Enter).
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  confirmForm,
  identifyForm,
  manageForms,
  pageHtml,
  REVIEWER_CSS,
  storedData,
} from '../../server/routes/reviewer-pages.js';
import type { ReviewerReview } from '../../src/contract/reviewer.js';

const review: ReviewerReview = {
  id: 'corner-abc',
  business: { id: 'corner', name: 'Corner & <Co>' },
  product: null,
  status: 'rejected',
  rating: 4,
  title: '<img src=x onerror=alert(1)>',
  body: 'Quick delivery, friendly staff.\nWould order again.',
  language: 'en',
  authorName: 'Ada',
  email: 'ada@mail.example',
  orderReference: 'A-1001',
  experiencedAt: '2026-11-20',
  createdAt: '2026-11-21T10:00:00.000Z',
  confirmedAt: '2026-11-21T10:05:00.000Z',
  editedAt: null,
  verification: { status: 'verified', method: 'order-reference' },
  moderation: { decision: 'reject', reason: 'personal_data', decidedAt: '2026-11-22T09:00:00.000Z' },
  reply: null,
  helpfulCount: 3,
  reports: 0,
  url: 'https://corner.example/reviews#verity-review-corner-abc',
  linkExpiresAt: '2027-11-21T10:00:00.000Z',
};

/**
 * The page's main part as the server sends it, with its style sheet, in this document (axe
 * checks one document): the page's language on the container, its colour scheme on the root.
 */
async function show(locale: 'en' | 'sv' | 'cs' | 'de', content: string, dark: boolean): Promise<HTMLElement> {
  fixtureCleanup();
  const page = pageHtml(locale, `Your review of ${review.business.name}`, content);
  const main = new DOMParser().parseFromString(page, 'text/html').querySelector('main')!;
  let style = document.querySelector<HTMLStyleElement>('style#reviewer');
  if (!style) {
    style = document.createElement('style');
    style.id = 'reviewer';
    document.head.append(style);
  }
  style.textContent = `${REVIEWER_CSS}:root{color-scheme:${dark ? 'dark' : 'light'}} body{background:Canvas;color:CanvasText}`;
  document.title = new DOMParser().parseFromString(page, 'text/html').title;
  const container = await fixture<HTMLElement>(html`<div lang=${locale}></div>`);
  container.append(document.importNode(main, true));
  return container;
}

describe('the reviewer pages', () => {
  for (const locale of ['en', 'sv', 'cs', 'de'] as const) {
    for (const dark of [false, true]) {
      it(`manage, confirm and identify have no axe violations (${locale}, ${dark ? 'dark' : 'light'})`, async () => {
        for (const content of [
          `${storedData(locale, review)}\n${manageForms(locale, 'token-1', { rating: 4, title: '', body: review.body }, { body: 'too_short' })}`,
          `${confirmForm(locale, 'token-2')}\n${storedData(locale, { ...review, status: 'unconfirmed', moderation: null })}`,
          identifyForm(locale, 'token-3', { email: '', orderReference: '', fullName: '', phone: '' }, true),
        ]) {
          const page = await show(locale, content, dark);
          await expect(page).to.be.accessible();
        }
      });
    }
  }

  it('shows user text as text and everything stored about the review', async () => {
    const page = await show('en', storedData('en', review), false);
    expect(page.querySelector('img')).to.equal(null);
    const text = page.textContent ?? '';
    for (const stored of [
      '<img src=x onerror=alert(1)>',
      'ada@mail.example',
      'A-1001',
      'Ada',
      'Verified: by an order reference',
    ]) {
      expect(text).to.contain(stored);
    }
    expect(text).to.contain('Not published because of personal data');
    expect(document.title).to.equal('Your review of Corner & <Co>');
    expect(page.querySelector('h1')!.textContent).to.equal('Your review of Corner & <Co>');
  });

  it('works by keyboard alone: Tab reaches every control in order, arrows choose the rating', async () => {
    const page = await show('en', manageForms('en', 'token-1', { rating: 4, title: 'Hi', body: review.body }), false);
    const doc = document;
    const before = document.createElement('button');
    before.textContent = 'before';
    page.prepend(before);
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      await sendKeys({ press: 'Tab' });
      const active = doc.activeElement as HTMLInputElement | null;
      reached.push(active ? `${active.tagName.toLowerCase()}:${active.name || active.textContent?.trim()}` : 'none');
      if (active?.name === 'rating') {
        expect(active.value).to.equal('4', 'the checked star has the focus');
        await sendKeys({ press: 'ArrowLeft' });
        expect((doc.activeElement as HTMLInputElement).value).to.equal('3');
        expect((doc.querySelector('input[name="rating"]:checked') as HTMLInputElement).value).to.equal('3');
      }
    }
    expect(reached).to.deep.equal([
      'input:rating',
      'input:title',
      'textarea:body',
      'button:Save the changes',
      'input:sure',
      'button:Withdraw the review',
    ]);
  });
});

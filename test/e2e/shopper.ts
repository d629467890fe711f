/**
 * What a shopper does with the review form, with real pointer and keyboard input: a star chosen
 * by pointer and changed by keyboard, text typed, consent ticked with Space, the form sent with
 * Enter. And what the shop does next: approve the review through the admin API, after which the
 * product page lists it and its score counts it.
 */
import { eventually } from '../server/smtp.js';
import type { TestSmtp } from '../server/smtp.js';
import assert from 'node:assert/strict';
import type { Driver } from './drivers.js';
import { waitFor } from './drivers.js';

const FORM = `document.querySelector('verity-review-form')`;
const FORM_ROOT = `${FORM}.shadowRoot`;
const STARS = `${FORM_ROOT}.querySelector('verity-star-input')`;
const RADIOS = `[...${STARS}.shadowRoot.querySelectorAll('[role="radio"]')]`;

/** Focuses a control inside the form (scrolled into view first) for the keyboard to type into. */
async function focus(driver: Driver, selector: string): Promise<void> {
  const found = await driver.run<boolean>(`(() => {
    const el = ${FORM_ROOT}.querySelector(${JSON.stringify(selector)});
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return ${FORM_ROOT}.activeElement === el;
  })()`);
  assert.ok(found, `${selector} takes the focus`);
}

export interface ReviewText {
  title: string;
  body: string;
  authorName: string;
  /** Only without an invitation. */
  email?: string;
}

/** Fills in the first review form on the page as a shopper would, sends it, and answers the thank-you text. */
export async function fillAndSendForm(driver: Driver, review: ReviewText): Promise<string> {
  await waitFor(
    driver,
    `Boolean(customElements.get('verity-star-input') && ${STARS}?.shadowRoot && ${RADIOS}.length === 5 && ${FORM_ROOT}.querySelector('[name="body"]'))`,
    'the review form with its five stars',
  );

  // Pointer: the third star, once the page around it has stopped moving (widgets above it load).
  const where = `(() => {
    const star = ${RADIOS}[2];
    star.scrollIntoView({ block: 'center' });
    const r = star.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  })()`;
  let point = await driver.run<[number, number]>(where);
  for (let tries = 0; tries < 50; tries += 1) {
    await new Promise((done) => setTimeout(done, 200));
    const next = await driver.run<[number, number]>(where);
    if (next[0] === point[0] && next[1] === point[1]) break;
    point = next;
  }
  await driver.clickAt(point[0], point[1]);
  await waitFor(driver, `${STARS}.value === 3`, 'three stars chosen by pointer');

  // Keyboard: from the chosen star, two steps right make five.
  await driver.run(`${RADIOS}[2].focus()`);
  await driver.press('ArrowRight', 'ArrowRight');
  await waitFor(
    driver,
    `${STARS}.value === 5 && ${RADIOS}[4].getAttribute('aria-checked') === 'true'`,
    'five stars by keyboard',
  );

  await focus(driver, '[name="title"]');
  await driver.type(review.title);
  await focus(driver, '[name="body"]');
  await driver.type(review.body);
  await focus(driver, '[name="authorName"]');
  await driver.type(review.authorName);
  if (review.email) {
    await focus(driver, '[name="email"]');
    await driver.type(review.email);
  }
  // Every engine types into <input type=date> its own way: the date is set as a picker would.
  await driver.run(`(() => {
    const input = ${FORM_ROOT}.querySelector('[name="experiencedAt"]');
    input.value = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  })()`);
  await focus(driver, '[name="consent"]');
  await driver.press('Space');
  await waitFor(driver, `${FORM_ROOT}.querySelector('[name="consent"]').checked`, 'consent ticked with Space');

  await focus(driver, '[name="title"]');
  await driver.press('Enter');
  await waitFor(driver, `Boolean(${FORM_ROOT}.querySelector('[part="thanks"]'))`, 'the thank-you');
  return driver.run<string>(`${FORM_ROOT}.querySelector('[part="thanks"]').textContent.replace(/\\s+/g, ' ').trim()`);
}

export interface Shop {
  url: string;
  adminToken: string;
}

async function admin<T>(shop: Shop, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${shop.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${shop.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Confirms a spontaneous review with the link of the confirmation e-mail its author got over SMTP. */
export async function confirmFromMail(smtp: TestSmtp, base: string, address: string): Promise<void> {
  const mail = await eventually(async () => smtp.received.find((m) => m.to === address), 60_000);
  const token = /\/reviewer\/confirm\?token=([\w-]+)/.exec(mail.mail.text ?? '')?.[1];
  assert.ok(token, `a confirm link in:\n${mail.mail.text}`);
  const response = await fetch(`${base}/v1/reviewer/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200, await response.clone().text());
}

/** Approves the pending review with this title; answers its id. */
export async function approveByTitle(shop: Shop, business: string, title: string): Promise<string> {
  const queue = await admin<{ items: { id: string; title: string | null }[] }>(
    shop,
    'GET',
    `/v1/admin/businesses/${business}/reviews?status=pending&limit=50`,
  );
  const review = queue.items.find((item) => item.title === title);
  assert.ok(review, 'the review waits in the moderation queue');
  await admin(shop, 'POST', `/v1/admin/reviews/${review.id}/moderation`, { decision: 'approve' });
  return review.id;
}

const PRODUCT = 'NK-ESPRESSO-1KG';

async function scoreCount(shop: Shop): Promise<number> {
  const response = await fetch(`${shop.url}/v1/businesses/nordlys/summary?product=${PRODUCT}`);
  return ((await response.json()) as { rating: { count: number } }).rating.count;
}

/**
 * The whole loop on the demo's product page: an invitation for a real order, the shopper's
 * review through the script tag, moderation, and the review in the list and in the score.
 */
export async function writeReviewAsShopper(driver: Driver, shop: Shop, engine: string): Promise<void> {
  const orderRef = `E2E-${engine}-${Date.now()}`;
  await admin(shop, 'POST', '/v1/admin/businesses/nordlys/orders', {
    orderRef,
    email: `${engine}@shopper.example`,
    purchasedAt: new Date(Date.now() - 5 * 86400000).toISOString(),
    product: PRODUCT,
  });
  const { token } = await admin<{ token: string }>(shop, 'POST', '/v1/admin/businesses/nordlys/invitations', {
    orderRef,
  });
  const countBefore = await scoreCount(shop);

  await driver.goto(`${shop.url}/espresso.html?invitation=${encodeURIComponent(token)}#write`);
  const title = `Lovely crema (${engine})`;
  // The token leaves the address bar (history, shared links, analytics) once the form has it.
  await waitFor(driver, `!location.search.includes('invitation')`, 'the invitation token gone from the URL');
  const thanks = await fillAndSendForm(driver, {
    title,
    body: 'Dark chocolate and a little cherry, exactly as described. Grinds evenly and keeps well for weeks.',
    authorName: `Shopper in ${engine}`,
  });
  assert.match(thanks, /thank/i);

  const id = await approveByTitle(shop, 'nordlys', title);
  assert.equal(await scoreCount(shop), countBefore + 1, 'the verified review counts in the score');

  // A new document (not a jump within the page): the widgets load what the shop now shows.
  await driver.goto(`${shop.url}/espresso.html?after=approval#verity-review-${id}`);
  await waitFor(
    driver,
    `[...document.querySelector('verity-review-list')?.shadowRoot?.querySelectorAll('article') ?? []].some((a) => a.textContent.includes(${JSON.stringify(title)}))`,
    'the approved review in the list',
  );
  const badge = await driver.run<string>(
    `document.querySelector('verity-rating-badge[product]').shadowRoot.textContent.replace(/\\s+/g, ' ')`,
  );
  assert.match(badge, new RegExp(`\\b${countBefore + 1}\\b`), `the badge counts it (${countBefore + 1}): ${badge}`);
}

import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDashboardHandlers } from '../mocks/admin-handlers.js';
import { AdminMockStore, DEMO_SIGN_IN_TOKEN } from '../mocks/admin-store.js';
import { LARGE_BUSINESS } from '../mocks/fixtures.js';
import { until, visibleText } from '../../test/helpers/events.js';
import { settled } from '../../test/helpers/dashboard.js';
import { useMocks } from '../../test/helpers/msw.js';
import { removeItem } from '../internal/storage.js';
import { createDashboardApi } from './api.js';
import type { VerityDashboard } from './app.js';
import './define.js';
import type { DashboardScreen } from './screen.js';

const start = `${location.pathname}${location.search}`;

interface AppOptions {
  store?: AdminMockStore;
  width?: number;
  dark?: boolean;
}

/** The dashboard at `url`, as a browser opening (or reloading) that address would show it. */
async function openApp(url: string, options: AppOptions = {}): Promise<VerityDashboard> {
  history.replaceState(null, '', url);
  await useMocks(...createDashboardHandlers({ store: options.store ?? new AdminMockStore() }));
  const page = await fixture<HTMLElement>(document.createElement('div'));
  if (options.width) page.setAttribute('style', `width: ${options.width}px`);
  const el = document.createElement('verity-dashboard');
  el.api = createDashboardApi({ baseUrl: location.origin });
  page.append(el);
  await el.updateComplete;
  return el;
}

const screen = (el: VerityDashboard) => el.shadowRoot!.querySelector<DashboardScreen>('main > *');

/** Waits for a screen to be shown and loaded. */
async function shown(el: VerityDashboard, tag: string): Promise<DashboardScreen> {
  await until(() => screen(el)?.localName === tag && customElements.get(tag) && screen(el)!.shadowRoot, `no <${tag}>`);
  const current = screen(el)!;
  await settled(current);
  return current;
}

const link = (el: VerityDashboard, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => a.textContent!.trim() === name)!;

/** The element that has the focus, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<verity-dashboard>', () => {
  beforeEach(() => {
    // The storage module keeps a copy in memory (for when localStorage refuses): clear both.
    for (const key of ['verity-dashboard-locale', 'verity-dashboard-theme', 'verity-dashboard-business'])
      removeItem(key);
    localStorage.clear();
  });

  afterEach(() => {
    history.replaceState(null, '', start);
    delete document.documentElement.dataset.theme;
  });

  it('opens a deep link with its filters, names the page, and is accessible', async () => {
    const el = await openApp('/dashboard/reviews?business=nordlys&status=rejected');
    const reviews = await shown(el, 'verity-dash-reviews');
    expect(reviews.shadowRoot!.querySelector<HTMLSelectElement>('#status')!.value).to.equal('rejected');
    expect(document.title).to.equal('Reviews · Nordlys Kaffe · Verity');
    expect(link(el, 'Reviews').getAttribute('aria-current')).to.equal('page');
    await expect(el).to.be.accessible();
  });

  it('follows its links with the History API, focuses the new heading, and goes back', async () => {
    const el = await openApp('/dashboard/inbox?business=nordlys');
    await shown(el, 'verity-dash-inbox');
    const entries = history.length;
    link(el, 'Reports').click();
    const reports = await shown(el, 'verity-dash-reports');
    expect(location.pathname).to.equal('/dashboard/reports');
    expect(new URLSearchParams(location.search).get('business')).to.equal('nordlys');
    expect(history.length).to.equal(entries + 1);
    await until(() => focused() === reports.shadowRoot!.querySelector('h1'), 'the heading has no focus');
    expect(document.title).to.equal('Reports · Nordlys Kaffe · Verity');

    history.back();
    const inbox = await shown(el, 'verity-dash-inbox');
    expect(location.pathname).to.equal('/dashboard/inbox');
    await until(() => focused() === inbox.shadowRoot!.querySelector('h1'), 'the heading has no focus after back');
  });

  it('shows the same screen after a reload', async () => {
    const first = await openApp('/dashboard/reviews/nordlys-00003?business=nordlys');
    await shown(first, 'verity-dash-review');
    first.remove();
    const again = await openApp(`${location.pathname}${location.search}`);
    const review = await shown(again, 'verity-dash-review');
    expect(review.getAttribute('review-id')).to.equal('nordlys-00003');
  });

  it('picks the remembered business when the URL names none, and switches business', async () => {
    localStorage.setItem('verity-dashboard-business', LARGE_BUSINESS);
    const el = await openApp('/dashboard/inbox');
    await shown(el, 'verity-dash-inbox');
    expect(new URLSearchParams(location.search).get('business')).to.equal(LARGE_BUSINESS);
    expect(link(el, 'Settings'), 'a moderator there').to.equal(undefined);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('nav select')!;
    select.value = 'nordlys';
    select.dispatchEvent(new Event('change'));
    await until(() => new URLSearchParams(location.search).get('business') === 'nordlys', 'not switched');
    await until(() => link(el, 'Settings'), 'an owner here');
    expect(localStorage.getItem('verity-dashboard-business')).to.equal('nordlys');
  });

  it('sends a visitor without a session to the sign-in screen', async () => {
    const el = await openApp('/dashboard/reports?business=nordlys', { store: new AdminMockStore({ signedIn: false }) });
    const signIn = await shown(el, 'verity-dash-sign-in');
    expect(focused(), 'a redirect leaves the focus alone').to.not.equal(signIn.shadowRoot!.querySelector('h1'));
    expect(location.pathname).to.equal('/dashboard/sign-in');
    expect(new URLSearchParams(location.search).get('next')).to.equal('/dashboard/reports?business=nordlys');
    expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signs in with a link: the token leaves the URL at once, then the inbox', async () => {
    const el = await openApp(`/dashboard/sign-in?token=${DEMO_SIGN_IN_TOKEN}`, {
      store: new AdminMockStore({ signedIn: false }),
    });
    expect(location.search).to.not.contain('token');
    await shown(el, 'verity-dash-inbox');
    expect(location.pathname).to.equal('/dashboard/inbox');
    expect(location.search).to.equal('?business=nordlys');
  });

  it('goes where the visitor was going after signing in', async () => {
    const next = encodeURIComponent('/dashboard/reports?business=nordlys');
    const el = await openApp(`/dashboard/sign-in?next=${next}&token=${DEMO_SIGN_IN_TOKEN}`, {
      store: new AdminMockStore({ signedIn: false }),
    });
    await shown(el, 'verity-dash-reports');
    expect(`${location.pathname}${location.search}`).to.equal('/dashboard/reports?business=nordlys');
  });

  it('says when a link is used up, and offers a new one', async () => {
    const el = await openApp('/dashboard/sign-in?token=used-or-expired-token-0000', {
      store: new AdminMockStore({ signedIn: false }),
    });
    const signIn = await shown(el, 'verity-dash-sign-in');
    await until(() => signIn.shadowRoot!.querySelector('[role="alert"]'), 'no message');
    expect(visibleText(signIn.shadowRoot!.querySelector('[role="alert"]')!)).to.contain(
      'This sign-in link has expired or was already used.',
    );
    expect(signIn.shadowRoot!.querySelector('input[type="email"]')).to.not.equal(null);
    expect(location.search).to.not.contain('token');
  });

  it('folds the navigation into a menu button at 360 px', async () => {
    const el = await openApp('/dashboard/inbox?business=nordlys', { width: 360 });
    await shown(el, 'verity-dash-inbox');
    const menu = el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    const nav = el.shadowRoot!.querySelector('nav')!;
    expect(getComputedStyle(menu).display).to.not.equal('none');
    expect(getComputedStyle(nav).display).to.equal('none');
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.getAttribute('aria-controls')).to.equal(nav.id);
    menu.click();
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(nav).display).to.not.equal('none');
    await expect(el).to.be.accessible();
    link(el, 'Reviews').focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(focused()).to.equal(menu);
    menu.click();
    await el.updateComplete;
    link(el, 'Reviews').click();
    await shown(el, 'verity-dash-reviews');
    expect(menu.getAttribute('aria-expanded'), 'closed after a navigation').to.equal('false');
    // Nothing is wider than the screen.
    expect(el.shadowRoot!.querySelector('.shell')!.scrollWidth).to.be.at.most(360);
  });

  it('shows the navigation beside the screen at 1440 px', async () => {
    const el = await openApp('/dashboard/inbox?business=nordlys', { width: 1440 });
    await shown(el, 'verity-dash-inbox');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.menu-button')!).display).to.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelector('nav')!).display).to.not.equal('none');
  });

  it('switches to the dark theme and remembers it', async () => {
    const el = await openApp('/dashboard/inbox?business=nordlys');
    await shown(el, 'verity-dash-inbox');
    const select = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('nav select')].find((s) =>
      [...s.options].some((o) => o.value === 'dark'),
    )!;
    select.value = 'dark';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(localStorage.getItem('verity-dashboard-theme')).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('switches the language, remembers it, and starts in the browser’s language', async () => {
    const el = await openApp('/dashboard/inbox?business=nordlys');
    await shown(el, 'verity-dash-inbox');
    const select = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('nav select')].find((s) =>
      [...s.options].some((o) => o.value === 'sv'),
    )!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'English',
      'Svenska',
      'Čeština',
      'Deutsch',
    ]);
    select.value = 'sv';
    select.dispatchEvent(new Event('change'));
    await until(() => link(el, 'Inkorg'), 'the navigation is not in Swedish');
    expect(document.documentElement.lang).to.equal('sv');
    expect(localStorage.getItem('verity-dashboard-locale')).to.equal('sv');
    const inbox = screen(el)!;
    await until(() => inbox.shadowRoot!.querySelector('h1')!.textContent === 'Inkorg', 'the screen is not in Swedish');
    expect(document.title).to.equal('Inkorg · Nordlys Kaffe · Verity');
    el.remove();
    const again = await openApp('/dashboard/reports?business=nordlys');
    await shown(again, 'verity-dash-reports');
    expect(link(again, 'Anmälningar').getAttribute('aria-current'), 'remembered').to.equal('page');
    document.documentElement.lang = 'en';
  });

  it('signs out from the account screen', async () => {
    const el = await openApp('/dashboard/account?business=nordlys');
    const account = await shown(el, 'verity-dash-account');
    [...account.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Sign out')!.click();
    await shown(el, 'verity-dash-sign-in');
    expect(location.pathname).to.equal('/dashboard/sign-in');
  });

  it('says so for an address that names no screen', async () => {
    const el = await openApp('/dashboard/nowhere?business=nordlys');
    const notFound = await shown(el, 'verity-dash-not-found');
    expect(visibleText(notFound.shadowRoot!)).to.contain('There is no page at this address.');
  });
});

/**
 * The dashboard's shell: who is signed in (`GET /v1/auth/me`; a 401 shows the sign-in screen),
 * which business (from `?business=`, else the one last used, else the first membership), the
 * navigation (a menu button on narrow screens), the language and the theme, and the router:
 * real URLs through the History API, links as `<a href>`, the back button, and after every
 * navigation the focus on the new screen's heading and a new document title.
 */
import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { literal, html as staticHtml } from 'lit/static-html.js';
import type { StaticValue } from 'lit/static-html.js';
import type { Me, MemberRole } from '../contract/dashboard.js';
import { baseStyles } from '../internal/styles.js';
import { buttonStyles } from '../internal/widget-styles.js';
import { readItem, writeItem } from '../internal/storage.js';
import { isSignedOut, sameOriginApi } from './api.js';
import type { DashboardApi } from './api.js';
import type { DashboardNavigateEvent, DashboardSignedInEvent } from './events.js';
import {
  DASHBOARD_LOCALES,
  dashboardLocale,
  dashboardLocalizer,
  ensureLocale,
  preferredLocale,
  rememberLocale,
} from './l10n.js';
import type { DashboardLocale, DashboardLocalizer } from './l10n.js';
import {
  BASE,
  NAV_ROUTES,
  browserLocator,
  memoryLocator,
  optionOf,
  parseRoute,
  routeHref,
  routedAnchor,
} from './router.js';
import type { Locator, Route, RouteName } from './router.js';
import type { DashboardScreen } from './screen.js';
import { dashboardTokens } from './ui/styles.js';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const BUSINESS_KEY = 'verity-dashboard-business';
const THEME_KEY = 'verity-dashboard-theme';

/** The element of each screen, and the module that registers it (loaded when first needed). */
const SCREENS: Record<RouteName, { tag: StaticValue; load: () => Promise<unknown> }> = {
  // Registered with the shell (define.ts): the first screen comes without another round trip.
  inbox: { tag: literal`verity-dash-inbox`, load: async () => undefined },
  reviews: { tag: literal`verity-dash-reviews`, load: () => import('./reviews/define.js') },
  review: { tag: literal`verity-dash-review`, load: () => import('./reviews/define.js') },
  reports: { tag: literal`verity-dash-reports`, load: () => import('./reports/define.js') },
  invitations: { tag: literal`verity-dash-invitations`, load: () => import('./invitations/define.js') },
  outbox: { tag: literal`verity-dash-outbox`, load: () => import('./outbox/define.js') },
  widgets: { tag: literal`verity-dash-widgets`, load: () => import('./widgets/define.js') },
  settings: { tag: literal`verity-dash-settings`, load: () => import('./settings/define.js') },
  insights: { tag: literal`verity-dash-insights`, load: () => import('./insights/define.js') },
  account: { tag: literal`verity-dash-account`, load: () => import('./account/define.js') },
  'sign-in': { tag: literal`verity-dash-sign-in`, load: () => import('./sign-in/define.js') },
  'not-found': { tag: literal`verity-dash-not-found`, load: () => import('./not-found/define.js') },
};

function routeOf(href: string): Route {
  return parseRoute(new URL(href)) ?? { name: 'not-found', params: new URLSearchParams() };
}

/**
 * @customElement verity-dashboard
 * @summary The business dashboard: shell, navigation and router around the screens.
 */
export class VerityDashboard extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    dashboardTokens,
    css`
      :host {
        display: block;
        min-height: 100dvh;
        background: var(--page);
        color-scheme: light dark;
      }

      :host([theme='light']) {
        color-scheme: light;
      }

      :host([theme='dark']) {
        color-scheme: dark;
      }

      .skip {
        position: absolute;
        border: 1px solid var(--link);
        border-radius: calc(var(--radius) * 0.75);
        color: var(--link);
        font: inherit;
        inset-inline-start: 0.5rem;
        top: -4rem;
        z-index: 2;
        padding: 0.5rem 0.75rem;
        background: var(--surface);
      }

      .skip:focus {
        top: 0.5rem;
      }

      .topbar {
        position: sticky;
        top: 0;
        z-index: 1;
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 3.5rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--border);
        background: var(--surface);
      }

      .brand {
        font-weight: 700;
        font-size: 1.125rem;
        color: var(--text);
        text-decoration: none;
      }

      .business-name {
        overflow: hidden;
        color: var(--muted);
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .menu-button {
        display: none;
        gap: 0.4rem;
      }

      .menu-icon {
        width: 1.1rem;
        height: 1.1rem;
        fill: currentColor;
      }

      .layout {
        display: grid;
        grid-template-columns: 15rem minmax(0, 1fr);
        min-height: calc(100dvh - 3.5rem);
      }

      nav {
        display: grid;
        align-content: start;
        gap: 1.5rem;
        padding: 1rem 0.75rem;
        border-inline-end: 1px solid var(--border);
        background: var(--surface);
      }

      nav ul {
        display: grid;
        gap: 0.15rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }

      nav a {
        display: flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.75rem;
        border-radius: calc(var(--radius) * 0.75);
        color: var(--text);
        text-decoration: none;
      }

      nav a:hover {
        background: var(--accent-surface);
      }

      nav a[aria-current='page'] {
        background: var(--accent-surface);
        font-weight: 700;
        box-shadow: inset 3px 0 0 var(--link);
      }

      .controls {
        display: grid;
        gap: 0.75rem;
      }

      .controls label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.875rem;
        font-weight: 600;
      }

      select {
        min-height: 44px;
        padding: 0.4rem 0.5rem;
        border: 1px solid var(--border);
        border-radius: calc(var(--radius) * 0.75);
        background: var(--surface);
      }

      .who {
        overflow-wrap: anywhere;
        color: var(--muted);
        font-size: 0.875rem;
      }

      main {
        padding: 1.5rem clamp(1rem, 3vw, 2.5rem) 3rem;
        min-width: 0;
      }

      main:focus {
        outline: none;
      }

      .alone {
        display: grid;
        justify-items: center;
        gap: 1.5rem;
        padding: 2.5rem 1rem;
      }

      .alone > * {
        width: min(30rem, 100%);
      }

      .alone .controls {
        grid-template-columns: 1fr 1fr;
      }

      .state {
        display: grid;
        justify-items: start;
        gap: 0.75rem;
        padding: 1.5rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface);
      }

      /* The shell's own width decides (a container, not the viewport): narrow, the navigation
         folds into the menu button. */
      .shell {
        container-type: inline-size;
        min-height: 100dvh;
      }

      @container (max-width: 60rem) {
        .menu-button {
          display: inline-flex;
        }

        .layout {
          grid-template-columns: minmax(0, 1fr);
        }

        nav {
          display: none;
          border-inline-end: 0;
          border-bottom: 1px solid var(--border);
        }

        nav.open {
          display: grid;
        }
      }
    `,
  ];

  /** The API client (the page's own origin by default). */
  @property({ attribute: false }) api: DashboardApi = sameOriginApi();

  /** The theme in effect, reflected for the styles: `light`, `dark`, or absent for the system's. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Starts at this dashboard path and keeps the route in memory, leaving the page's URL and
   * history alone (stories, or an app that embeds the dashboard). Without it: the page's URL.
   */
  @property() start?: string;

  private locator: Locator = browserLocator;
  @state() private route: Route = routeOf(location.href);
  @state() private locale: DashboardLocale = preferredLocale();
  @state() private themeChoice: ThemeChoice = optionOf(THEME_CHOICES, readItem(THEME_KEY)) ?? 'system';
  @state() private menuOpen = false;
  @state() private signedOut = false;
  /** A sign-in link's token, taken out of the URL as soon as it is read. */
  @state() private token?: string;

  @query('.menu-button') private menuButton?: HTMLButtonElement;

  private focusPending = false;

  private readonly me = new Task(this, {
    task: ([api], { signal }) => api.me({ signal }),
    args: () => [this.api] as const,
    onComplete: (me) => {
      if (!this.isConnected) return;
      this.signedOut = false;
      this.settleBusiness(me);
    },
    onError: (error) => {
      if (!isSignedOut(error) || !this.isConnected) return;
      this.signedOut = true;
      if (this.route.name !== 'sign-in') {
        const here = new URL(this.locator.href);
        const next = this.route.name === 'not-found' ? undefined : `${here.pathname}${here.search}`;
        this.navigate(routeHref('sign-in', { params: { next } }), true);
      }
    },
  });

  private get l10n(): DashboardLocalizer {
    return dashboardLocalizer(this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.locator = this.start ? memoryLocator(this.start) : browserLocator;
    // A theme the page set on the element itself is the choice until the member makes another.
    if (this.theme && !readItem(THEME_KEY)) this.themeChoice = this.theme;
    this.route = routeOf(this.locator.href);
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('online', this.onOnline);
    this.addEventListener('click', this.onClick);
    this.addEventListener('keydown', this.onKeydown);
    this.addEventListener('verity-dash-navigate', this.onNavigate);
    this.addEventListener('verity-dash-signed-in', this.onSignedIn);
    this.addEventListener('verity-dash-signed-out', this.onSignedOut);
    this.takeToken();
    void this.loadScreen();
    this.applyTheme();
    ensureLocale(this.locale)?.then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('online', this.onOnline);
  }

  /** Back online after failing to learn who is signed in: ask again. */
  private readonly onOnline = (): void => {
    if (this.me.status === TaskStatus.ERROR && !this.signedOut) void this.me.run();
  };

  // -------------------------------------------------------------------------------------------
  // Routing

  /**
   * Goes to a dashboard URL: a new history entry (or the current one replaced), then the screen.
   * The focus moves to the new screen's heading when the member asked for it (a link, signing in
   * or out), not when the shell only corrects the address (a redirect, recorded filters).
   */
  navigate(href: string, replace = false, moveFocus = !replace): void {
    // A shell taken off the page (a test, an app that unmounts it) leaves the URL alone.
    if (!this.isConnected) return;
    const url = new URL(href, this.locator.href);
    const target = `${url.pathname}${url.search}${url.hash}`;
    const here = new URL(this.locator.href);
    if (replace) this.locator.replace(target);
    else if (target !== `${here.pathname}${here.search}${here.hash}`) this.locator.push(target);
    this.applyLocation(moveFocus);
  }

  private applyLocation(moveFocus = true): void {
    this.route = routeOf(this.locator.href);
    this.menuOpen = false;
    this.focusPending ||= moveFocus;
    this.takeToken();
    const me = this.me.value;
    if (me && this.me.status === TaskStatus.COMPLETE && !this.signedOut) this.settleBusiness(me);
    void this.loadScreen();
  }

  private readonly onPopState = (): void => {
    if (this.locator === browserLocator) this.applyLocation();
  };

  private readonly onClick = (event: MouseEvent): void => {
    const anchor = routedAnchor(event, BASE);
    if (!anchor) return;
    event.preventDefault();
    this.navigate(anchor.href);
  };

  private readonly onNavigate = (event: DashboardNavigateEvent): void => this.navigate(event.href, event.replace);

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.menuOpen) {
      this.menuOpen = false;
      this.menuButton?.focus();
    }
  };

  /** `?token=` of a sign-in link leaves the URL (and the history) at once. */
  private takeToken(): void {
    if (this.route.name !== 'sign-in') return;
    const token = this.route.params.get('token');
    if (!token) return;
    this.token = token;
    const params = new URLSearchParams(this.route.params);
    params.delete('token');
    this.locator.replace(routeHref('sign-in', { business: this.route.business, params }));
    this.route = routeOf(this.locator.href);
  }

  private async loadScreen(): Promise<void> {
    try {
      await SCREENS[this.route.name].load();
    } catch {
      // Offline before the screen's code came: the shell stays, the screen appears when it can.
    }
  }

  private readonly onSignedIn = (event: DashboardSignedInEvent): void => {
    this.token = undefined;
    this.signedOut = false;
    void this.me.run();
    const next = this.route.params.get('next');
    const url = next ? new URL(next, location.href) : undefined;
    const safe = url && url.origin === location.origin && parseRoute(url) ? `${url.pathname}${url.search}` : undefined;
    this.navigate(safe ?? routeHref('inbox', { business: this.pick(event.me) }), true, true);
  };

  private readonly onSignedOut = (): void => {
    if (this.signedOut) return;
    this.signedOut = true;
    this.navigate(routeHref('sign-in'), true, true);
  };

  // -------------------------------------------------------------------------------------------
  // Business, language, theme

  /** The business to show for a signed-in member: the URL's, the remembered one, or the first. */
  private pick(me: Me): string | undefined {
    const ids = me.memberships.map((m) => m.business.id);
    const wanted = [this.route.business, readItem(BUSINESS_KEY)].find((id) => id && ids.includes(id));
    return wanted ?? ids[0];
  }

  private settleBusiness(me: Me): void {
    if (this.route.name === 'sign-in') {
      if (!this.token) this.navigate(routeHref('inbox', { business: this.pick(me) }), true);
      return;
    }
    const business = this.pick(me);
    if (!business) return;
    writeItem(BUSINESS_KEY, business);
    if (this.route.business !== business) {
      this.locator.replace(routeHref(this.route.name, { id: this.route.id, business, params: this.route.params }));
      this.route = routeOf(this.locator.href);
    }
  }

  private get membership() {
    return this.me.value?.memberships.find((m) => m.business.id === this.route.business);
  }

  private switchBusiness(business: string): void {
    writeItem(BUSINESS_KEY, business);
    // A review belongs to one business: another business starts at its list.
    const name = this.route.name === 'review' ? 'reviews' : this.route.name;
    this.navigate(routeHref(name, { business }));
  }

  private async switchLocale(value: string): Promise<void> {
    const locale = dashboardLocale(value) ?? 'en';
    rememberLocale(locale);
    await ensureLocale(locale);
    this.locale = locale;
  }

  private switchTheme(value: string): void {
    this.themeChoice = optionOf(THEME_CHOICES, value) ?? 'system';
    writeItem(THEME_KEY, this.themeChoice);
    this.applyTheme();
  }

  private applyTheme(): void {
    this.theme = this.themeChoice === 'system' ? undefined : this.themeChoice;
    // The page around the shell (scrollbars, overscroll) follows too.
    if (this.theme) document.documentElement.dataset.theme = this.theme;
    else delete document.documentElement.dataset.theme;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale' as keyof VerityDashboard)) document.documentElement.lang = this.locale;
  }

  protected override async updated(): Promise<void> {
    const { t } = this.l10n;
    document.title = t.documentTitle(this.screenTitle(), this.membership?.business.name ?? null);
    if (!this.focusPending) return;
    const screen = this.renderRoot.querySelector<DashboardScreen>('main > *');
    if (!screen) return;
    this.focusPending = false;
    await customElements.whenDefined(screen.localName);
    await screen.focusHeading();
  }

  private screenTitle(): string {
    const screen = this.renderRoot.querySelector<DashboardScreen>('main > *');
    const heading = screen && 'heading' in screen ? screen.heading : undefined;
    return heading || this.l10n.t.screens[this.route.name];
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  override render() {
    return html`<div class="shell">${this.renderShell()}</div>`;
  }

  private renderShell() {
    const { t } = this.l10n;
    if (this.signedOut || this.route.name === 'sign-in' || this.token) {
      return html`<div class="alone">
        <a class="brand" href=${routeHref('inbox')}>${t.product}</a>
        <main id="main" tabindex="-1">${this.renderScreen('owner')}</main>
        <div class="controls">${this.renderLanguage()}${this.renderTheme()}</div>
      </div>`;
    }
    if (this.me.status !== TaskStatus.COMPLETE && !this.me.value) {
      if (this.me.status === TaskStatus.ERROR) {
        return html`<div class="alone">
          <div class="state" role="alert">
            <p>${navigator.onLine ? t.loadError : t.offlineError}</p>
            <button class="button secondary" type="button" @click=${() => this.me.run()}>${t.retry}</button>
          </div>
        </div>`;
      }
      return html`<div class="alone"><p role="status">${t.loading}</p></div>`;
    }
    const me = this.me.value!;
    const membership = this.membership;
    return html`<button class="skip" type="button" @click=${this.skipToMain}>${t.skipToContent}</button>
      <header class="topbar">
        <button
          class="button secondary menu-button"
          type="button"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="nav"
          @click=${() => (this.menuOpen = !this.menuOpen)}
        >
          <svg class="menu-icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M1 3h14v2H1zm0 4h14v2H1zm0 4h14v2H1z" />
          </svg>
          ${t.menu}
        </button>
        <a class="brand" href=${routeHref('inbox', { business: membership?.business.id })}>${t.product}</a>
        ${membership ? html`<span class="business-name">${membership.business.name}</span>` : nothing}
      </header>
      <div class="layout">
        <nav id="nav" aria-label=${t.navLabel} class=${this.menuOpen ? 'open' : ''}>
          ${membership ? this.renderLinks(membership.role) : nothing}
          <div class="controls">
            ${
              me.memberships.length > 1
                ? html`<label
                    >${t.businessLabel}
                    <select @change=${(e: Event) => this.switchBusiness((e.target as HTMLSelectElement).value)}>
                      ${me.memberships.map(
                        (m) =>
                          html`<option value=${m.business.id} ?selected=${m.business.id === membership?.business.id}>
                            ${m.business.name} (${t.roles[m.role]})
                          </option>`,
                      )}
                    </select></label
                  >`
                : nothing
            }
            ${this.renderLanguage()} ${this.renderTheme()}
            <p class="who">${t.signedInAs(me.email)}</p>
          </div>
        </nav>
        <main id="main" tabindex="-1">
          ${
            membership
              ? this.renderScreen(membership.role)
              : this.route.name === 'account'
                ? this.renderScreen('moderator')
                : html`<div class="state"><p>${t.noMemberships}</p></div>`
          }
        </main>
      </div>`;
  }

  private renderLinks(role: MemberRole) {
    const { t } = this.l10n;
    const business = this.route.business;
    const current = this.route.name === 'review' ? 'reviews' : this.route.name;
    return html`<ul>
      ${NAV_ROUTES.filter((name) => name !== 'settings' || role === 'owner').map(
        (name) =>
          html`<li>
            <a href=${routeHref(name, { business })} aria-current=${current === name ? 'page' : 'false'}
              >${t.screens[name]}</a
            >
          </li>`,
      )}
    </ul>`;
  }

  private renderLanguage() {
    const { t } = this.l10n;
    return html`<label
      >${t.languageLabel}
      <select @change=${(e: Event) => void this.switchLocale((e.target as HTMLSelectElement).value)}>
        ${DASHBOARD_LOCALES.map(
          (code) =>
            html`<option value=${code} lang=${code} ?selected=${code === this.locale}>${LANGUAGE_NAMES[code]}</option>`,
        )}
      </select></label
    >`;
  }

  private renderTheme() {
    const { t } = this.l10n;
    return html`<label
      >${t.themeLabel}
      <select @change=${(e: Event) => this.switchTheme((e.target as HTMLSelectElement).value)}>
        ${THEME_CHOICES.map(
          (choice) =>
            html`<option value=${choice} ?selected=${choice === this.themeChoice}>${t.themes[choice]}</option>`,
        )}
      </select></label
    >`;
  }

  private renderScreen(role: MemberRole) {
    const { tag } = SCREENS[this.route.name];
    return staticHtml`<${tag}
      .api=${this.api}
      .me=${this.me.value}
      business=${this.route.business ?? ''}
      member-role=${role}
      locale=${this.locale}
      review-id=${this.route.id ?? ''}
      .params=${this.route.params}
      .token=${this.token}
    ></${tag}>`;
  }

  private skipToMain(): void {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

/** Each language by its own name, as a language menu shows them. */
const LANGUAGE_NAMES: Record<DashboardLocale, string> = { en: 'English', sv: 'Svenska', cs: 'Čeština', de: 'Deutsch' };

declare global {
  interface HTMLElementTagNameMap {
    'verity-dashboard': VerityDashboard;
  }
}

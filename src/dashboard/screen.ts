/**
 * The base of every dashboard screen: who and where (`business`, `role`, `api`, `locale`), the
 * screen's heading (which the shell focuses after a navigation), a polite live region for what
 * just happened, the offline banner, and the loading, error (with retry), forbidden and empty
 * states every screen shows the same way.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isVerityApiError } from '../client/errors.js';
import type { Me, MemberRole } from '../contract/dashboard.js';
import { baseStyles } from '../internal/styles.js';
import { buttonStyles } from '../internal/widget-styles.js';
import type { Theme } from '../internal/element.js';
import { isForbidden, isSignedOut, sameOriginApi } from './api.js';
import type { DashboardApi } from './api.js';
import { DashboardNavigateEvent, DashboardSignedOutEvent } from './events.js';
import { dashboardLocalizer, ensureLocale } from './l10n.js';
import type { DashboardLocalizer } from './l10n.js';
import { Paged } from './paged.js';
import { BASE } from './router.js';
import type { PageFetcher } from './paged.js';
import { dashboardTokens, screenStyles } from './ui/styles.js';

export abstract class DashboardScreen extends LitElement {
  static override styles = [baseStyles, buttonStyles, dashboardTokens, screenStyles];

  /** The business this screen is about. */
  @property({ reflect: true }) business = '';

  /** The signed-in member's role at the business. */
  @property({ attribute: 'member-role', reflect: true }) memberRole: MemberRole = 'owner';

  /** The language of the texts, numbers and dates (`en`, `sv`, `cs`, `de`). */
  @property({ reflect: true }) locale = 'en';

  /** Forces the light or dark theme (stories); the dashboard's pages inherit the page's. */
  @property({ reflect: true }) theme?: Theme;

  /** The API client (the page's own origin by default). */
  @property({ attribute: false }) api: DashboardApi = sameOriginApi();

  /** Who is signed in, when known (to say "you"). */
  @property({ attribute: false }) me?: Me;

  /** The URL's query (without `business`): a screen's filters, so a reload keeps them. */
  @property({ attribute: false }) params = new URLSearchParams();

  @state() protected announcement = '';
  @state() protected offline = typeof navigator !== 'undefined' && navigator.onLine === false;

  private readonly tasks: Task<readonly unknown[], unknown>[] = [];
  private paramsRead = false;

  /** The heading of the screen, which is also the document title's first part. */
  abstract get heading(): string;

  protected abstract renderContent(): unknown;

  /** Optional: what stands beside the heading (counts, a back link). */
  protected renderHeadExtra(): unknown {
    return nothing;
  }

  protected get l10n(): DashboardLocalizer {
    return dashboardLocalizer(this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onConnectivity);
    window.addEventListener('offline', this.onConnectivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onConnectivity);
    window.removeEventListener('offline', this.onConnectivity);
  }

  private readonly onConnectivity = (): void => {
    this.offline = !navigator.onLine;
    // Back online: load again whatever failed while offline.
    if (!this.offline) for (const task of this.tasks) if (task.status === TaskStatus.ERROR) void task.run();
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('locale')) ensureLocale(this.locale)?.then(() => this.requestUpdate());
    if (!this.paramsRead) {
      this.paramsRead = true;
      this.readParams(this.params);
    }
  }

  /**
   * Once, before the first render: the filters a reload or a shared link asks for (the URL's
   * query). The screen keeps them from then on, and records changes with `recordParams`.
   */
  protected readParams(_params: URLSearchParams): void {}

  /** Moves the focus to the screen's heading (after a navigation), once it has rendered. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * Records the screen's filters in the URL (replacing the history entry), so a reload or a
   * shared link shows the same list. Outside the dashboard's pages (a story) it does nothing.
   */
  protected recordParams(values: Record<string, string | undefined>): void {
    if (!location.pathname.startsWith(BASE)) return;
    const params = new URLSearchParams();
    if (this.business) params.set('business', this.business);
    for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
    const search = params.toString();
    this.dispatchEvent(new DashboardNavigateEvent(`${location.pathname}${search ? `?${search}` : ''}`, true));
  }

  /** Says something in the live region (an action done, a page loaded, a failure). */
  protected announce(message: string): void {
    // The same words twice must be spoken twice: make the text differ.
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  /**
   * A task whose failure the screen shows with a retry; a 401 sends the member to the sign-in
   * screen, and a task that failed offline runs again when the browser is back online.
   */
  protected load<T, A extends readonly unknown[]>(
    task: (args: A, signal: AbortSignal) => Promise<T>,
    args: () => A,
  ): Task<A, T> {
    const created = new Task<A, T>(this, {
      task: (values, { signal }) => task(values, signal),
      args,
      onError: (error) => this.failed(error),
    });
    this.tasks.push(created as unknown as Task<readonly unknown[], unknown>);
    return created;
  }

  /** A paged list of the API whose first page reloads when `args` change. */
  protected paged<T extends { id: string }, A extends readonly unknown[]>(
    fetchPage: PageFetcher<T, A>,
    args: () => A,
  ): Paged<T, A> {
    return new Paged<T, A>(this, (task, taskArgs) => this.load(task, taskArgs), fetchPage, args);
  }

  /** Reports a failure of an action or a load: a lost session goes to the sign-in screen. */
  protected failed(error: unknown): void {
    if (isSignedOut(error)) this.dispatchEvent(new DashboardSignedOutEvent());
  }

  override render() {
    return html`<section class="screen" aria-labelledby="screen-title">
      <header class="screen-head">
        <h1 id="screen-title" tabindex="-1">${this.heading}</h1>
        ${this.renderHeadExtra()}
      </header>
      ${this.offline ? html`<p class="banner offline">${this.l10n.t.offline}</p>` : nothing} ${this.renderContent()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // States

  protected renderLoading(blocks = 3): TemplateResult {
    return html`<div class="stack" aria-busy="true">
      <p class="visually-hidden" role="status">${this.l10n.t.loading}</p>
      ${Array.from({ length: blocks }, () => html`<span class="skeleton skeleton-block" aria-hidden="true"></span>`)}
    </div>`;
  }

  protected renderError(error: unknown, retry: () => unknown): TemplateResult {
    const { t } = this.l10n;
    if (isSignedOut(error)) return this.renderLoading(1);
    if (isForbidden(error)) return html`<p class="state">${t.forbidden}</p>`;
    const offline = (isVerityApiError(error) && error.code === 'network' && !navigator.onLine) || this.offline;
    return html`<div class="state error" role="alert">
      <p>${offline ? t.offlineError : t.loadError}</p>
      <button class="button secondary" type="button" @click=${() => retry()}>${t.retry}</button>
    </div>`;
  }

  protected renderEmpty(text: string, action: unknown = nothing): TemplateResult {
    return html`<div class="state">
      <p>${text}</p>
      ${action}
    </div>`;
  }

  /**
   * A paged list's state: loading, its error, `empty` when it has no items, else `list` of the
   * items so far, with "Showing x of y" and "Load more" while there is more.
   */
  protected renderPaged<T extends { id: string }, A extends readonly unknown[]>(
    paged: Paged<T, A>,
    empty: string | (() => unknown),
    list: (items: T[]) => unknown,
  ): unknown {
    const { t } = this.l10n;
    return this.renderTask(paged.task, () => {
      if (paged.items.length === 0) return typeof empty === 'string' ? this.renderEmpty(empty) : empty();
      return html`${list(paged.items)}
        <div class="pager">
          <span class="muted">${t.showing(this.l10n.number(paged.items.length), this.l10n.number(paged.total))}</span>
          ${
            paged.nextCursor
              ? html`<button
                  class="button secondary load-more"
                  type="button"
                  ?disabled=${paged.loadingMore}
                  @click=${() => this.loadMore(paged)}
                >
                  ${paged.loadingMore ? t.loadingMore : t.loadMore}
                </button>`
              : nothing
          }
          ${paged.moreFailed ? html`<span class="error-text" role="alert">${t.loadMoreFailed}</span>` : nothing}
        </div>`;
    });
  }

  protected async loadMore<T extends { id: string }, A extends readonly unknown[]>(paged: Paged<T, A>): Promise<void> {
    try {
      const count = await paged.loadMore();
      if (count > 0) this.announce(this.l10n.count(this.l10n.t.loadedMore, count));
    } catch (error) {
      this.failed(error);
    }
  }

  /** A task's state: loading, its error with a retry, or `complete` with its value. */
  protected renderTask<T, A extends readonly unknown[]>(
    task: Task<A, T>,
    complete: (value: T) => unknown,
    blocks = 3,
  ): unknown {
    return task.render({
      initial: () => this.renderLoading(blocks),
      // Loading again (new filters): the old answer stays in place, marked busy, until the new one.
      pending: () =>
        task.value === undefined
          ? this.renderLoading(blocks)
          : html`<div class="stale" aria-busy="true">${complete(task.value)}</div>`,
      complete: (value) => complete(value),
      error: (error) => this.renderError(error, () => task.run()),
    });
  }
}

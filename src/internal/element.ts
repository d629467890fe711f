import { LitElement, noChange } from 'lit';
import type { ReactiveControllerHost } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { VerityClient } from '../client/client.js';
import { isVerityApiError } from '../client/errors.js';
import { sharedClient } from './clients.js';
import { getConfig, onConfigChange, pageLocale } from './config.js';
import type { ProvidedConfig } from './context.js';
import { VerityErrorEvent } from './events.js';
import type { VerityErrorCode } from './events.js';
import { ensureTranslation, localizerFor } from './localize.js';
import type { Localizer } from './localize.js';
import { primeFrom } from './prerender.js';
import { baseStyles } from './styles.js';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Resolves in a later task: what is queued meanwhile (input, other widgets) runs first. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Subscribes a widget to the nearest `<verity-provider>`'s settings; `set` receives each value. */
export type ProviderSubscriber = (element: VerityElement, set: (value: ProvidedConfig | undefined) => void) => void;

/**
 * The context machinery comes with `<verity-provider>`: a page without one never loads it. The
 * provider's module hands its subscriber here when it is defined, and every widget already on
 * the page subscribes at once (so the order in which their code arrives does not matter).
 */
let subscribeToProvider: ProviderSubscriber | undefined;
const connectedWidgets = new Set<VerityElement>();
const subscribed = new WeakSet<VerityElement>();

export function useProviders(subscriber: ProviderSubscriber): void {
  if (subscribeToProvider) return;
  subscribeToProvider = subscriber;
  for (const element of connectedWidgets) element.subscribeToProvider();
}

/**
 * The base of every Verity element: resolves its locale (attribute → nearest provider → page
 * configuration → `<html lang>` → browser → English), follows configuration and language
 * changes, and reports failures as `verity-error` instead of throwing into the host page.
 */
export class VerityElement extends LitElement {
  static override styles = [baseStyles];

  /** BCP 47 locale of the texts, numbers and dates, e.g. `sv` or `de-AT`. */
  @property({ reflect: true }) locale?: string;

  /** Forces the light or the dark theme; without it the widget follows the page's `color-scheme`. */
  @property({ reflect: true }) theme?: Theme;

  /** The nearest `<verity-provider>`'s settings. */
  @state() protected provided?: ProvidedConfig;

  private unsubscribe?: () => void;

  /** What a server rendered in the declarative shadow root (`verity-reviews/ssr`), until the first update. */
  private serverRendered?: ChildNode[];

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const server = this.shadowRoot ? [...this.shadowRoot.childNodes] : [];
    const root = super.createRenderRoot();
    if (server.length > 0) {
      this.serverRendered = server;
      // Lit would render before the first node it found, which the first update removes.
      this.renderOptions.renderBefore = undefined;
    }
    return root;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.serverRendered) return super.scheduleUpdate();
    // A server-rendered widget keeps the server's HTML until its language is loaded: the update
    // that takes over then draws it again from the same data, within one task (no flash, no
    // shift). Each takes over in a task of its own, after the code that defined it: the widgets
    // of a page do not add up to one long task that keeps the page from answering input.
    return Promise.resolve(ensureTranslation(this.resolvedLocale))
      .then(nextTask)
      .then(() => super.scheduleUpdate());
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    if (this.serverRendered && this.awaitingData()) {
      // Its data is a moment away (from the block the server embedded): the server's HTML stays
      // until then, not a skeleton drawn in its place only to be drawn over. Lit draws nothing.
      const instance = this as unknown as { render: () => unknown };
      instance.render = () => noChange;
      try {
        super.update(changed);
      } finally {
        Reflect.deleteProperty(instance, 'render');
      }
      return;
    }
    if (this.serverRendered) {
      for (const node of this.serverRendered) node.remove();
      this.serverRendered = undefined;
    }
    super.update(changed);
  }

  /**
   * Whether the data the widget draws is still on its way: until it is there, a server-rendered
   * widget keeps the server's HTML rather than draw its skeleton over it.
   */
  protected awaitingData(): boolean {
    return false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onConfigChange(() => this.requestUpdate());
    connectedWidgets.add(this);
    this.subscribeToProvider();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    connectedWidgets.delete(this);
  }

  /** @internal Once per element, when providers are in use: its consumer follows it in and out of the page. */
  subscribeToProvider(): void {
    if (!subscribeToProvider || subscribed.has(this)) return;
    subscribed.add(this);
    subscribeToProvider(this, (value) => {
      this.provided = value;
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // A built-in language that is not loaded yet: render again once it is.
    ensureTranslation(this.resolvedLocale)?.then(() => this.requestUpdate());
  }

  /** Resolves when the texts of the locale in effect are loaded. */
  protected localeReady(): Promise<void> {
    return ensureTranslation(this.resolvedLocale) ?? Promise.resolve();
  }

  /** Resolves with `promise`'s value once the locale's texts are loaded too. */
  protected withLocale<T>(promise: Promise<T>): Promise<T> {
    return Promise.all([promise, this.localeReady()]).then(([value]) => value);
  }

  /** The locale in effect. */
  get resolvedLocale(): string {
    return this.locale || this.provided?.locale || getConfig().locale || pageLocale();
  }

  /** The localizer of the locale in effect. */
  protected get l10n(): Localizer {
    return localizerFor(this.resolvedLocale);
  }

  /** Reports a failure to the page: one `verity-error` event, never an exception. */
  protected reportError(error: unknown): void {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    const code: VerityErrorCode =
      isVerityApiError(error) || error instanceof VerityWidgetError ? error.code : 'unknown';
    const message = error instanceof Error ? error.message : String(error);
    this.emitError(code, message);
  }

  protected emitError(code: VerityErrorCode, message: string): void {
    this.dispatchEvent(new VerityErrorEvent({ code, message }));
  }
}

/** A widget's own failure (not the API's): reported as `verity-error` with its code. */
export class VerityWidgetError extends Error {
  constructor(
    readonly code: VerityErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Raised when no API or business is configured anywhere. */
export class MissingConfigError extends VerityWidgetError {
  override readonly name = 'MissingConfigError';
  constructor(message: string) {
    super('missing_config', message);
  }
}

/** The element a widget's controllers work in: they update it and look into its shadow root. */
export type WidgetHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What a widget's controllers use of it: the client and texts in effect, and its error reporting. */
export interface WidgetServices {
  client(): VerityClient | undefined;
  l10n(): Localizer;
  reportError(error: unknown): void;
}

/**
 * The base of the widgets that load data: `business`, `product` and `api` resolve like the
 * locale, and `client` is the provider's client or the page's shared one for the API.
 */
export class VerityDataElement extends VerityElement {
  /** The business id. */
  @property({ reflect: true }) business?: string;

  /** A product SKU: shows that product's reviews instead of the shop's. */
  @property({ reflect: true }) product?: string;

  /** The base URL under which the review API's `/v1/…` lives. */
  @property({ reflect: true }) api?: string;

  get resolvedBusiness(): string | undefined {
    return this.business || this.provided?.business || getConfig().business || undefined;
  }

  get resolvedProduct(): string | undefined {
    return this.product || this.provided?.product || getConfig().product || undefined;
  }

  get resolvedApi(): string | undefined {
    return this.api || this.provided?.api || getConfig().api || undefined;
  }

  /** The client in effect: an explicit one from a provider or `configure`, else the shared one. */
  protected get client(): VerityClient | undefined {
    if (!this.api) {
      const explicit = this.provided?.client ?? getConfig().client;
      if (explicit) return explicit;
    }
    const api = this.resolvedApi;
    const client = api ? sharedClient(api) : undefined;
    if (client && !this.primed) {
      this.primed = true;
      primeFrom(this, client);
    }
    return client;
  }

  /** Handed to the widget's controllers (report dialog, votes, draft, …). */
  protected readonly services: WidgetServices = {
    client: () => this.client,
    l10n: () => this.l10n,
    reportError: (error) => this.reportError(error),
  };

  private primed = false;

  /** The client and business, or a `MissingConfigError` naming what is missing. */
  protected requireSource(client: VerityClient | undefined, business: string | undefined): [VerityClient, string] {
    if (!client || !business) {
      const missing = [!client && 'api', !business && 'business'].filter(Boolean).join(' and ');
      throw new MissingConfigError(
        `<${this.localName}> needs ${missing}: set the attribute, a <verity-provider>, or configure({...}).`,
      );
    }
    return [client, business];
  }
}

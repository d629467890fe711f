/**
 * R11: wherever a score is shown, the visitor can open how reviews are collected and verified.
 * The badge and the list header share this disclosure: a button (the verified mark) and a panel
 * that explains the score, the provenance counts and links the shop's verification policy. The
 * panel's code and English strings (verification-panel.ts) load when the mark is first pointed
 * at, focused or opened: most visitors never open it, and the badge's page does not carry it.
 */
import { css, html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Summary } from '../client/schemas.js';
import type { Localizer } from './localize.js';
import { onDemand } from './on-demand.js';

/** Open state, Escape, and a click outside, for one disclosure of a host element. */
export class DisclosureController implements ReactiveController {
  open = false;

  /** The panel's code could not be loaded (offline): the panel says so, and the next open tries again. */
  failed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly button: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide(false);
  }

  toggle = (): void => {
    if (this.open) this.hide(true);
    else this.show();
  };

  /** Loads the panel's code ahead of a click: on pointing at or focusing the mark. */
  prepare = (): void => {
    if (panel.loaded()) return;
    void panel.get().then(
      () => {
        this.failed = false;
        if (this.open) this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        if (this.open) this.host.requestUpdate();
      },
    );
  };

  show(): void {
    this.open = true;
    this.failed = false;
    this.prepare();
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
  }

  hide(restoreFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
    if (restoreFocus) this.button()?.focus();
  }

  /** Put on the element that contains the button and the panel. */
  onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.hide(true);
    }
  };

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.host)) this.hide(false);
  };
}

const SHIELD_ICON = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
  <path
    d="M8 1.2 2.5 3.3v4.1c0 3.3 2.3 6.1 5.5 7.4 3.2-1.3 5.5-4.1 5.5-7.4V3.3L8 1.2Zm-1 9.9L4.4 8.5l1-1L7 9.1l3.6-3.6 1 1L7 11.1Z"
  />
</svg>`;

/** The panel's code: loaded when a visitor points at, focuses or opens the verified mark. */
const panel = onDemand(() => import('./verification-panel.js'));

/** The verified mark and its panel; `id` must be unique in the host's shadow root. */
export function verificationDisclosure(
  l10n: Localizer,
  summary: Summary,
  disclosure: DisclosureController,
  id = 'disclosure',
): TemplateResult {
  const { t } = l10n;
  let content: unknown = nothing;
  if (disclosure.open) {
    const panelModule = panel.loaded();
    content = panelModule
      ? panelModule.verificationPanel(l10n, summary, () => disclosure.hide(true))
      : html`<p class="muted" aria-busy=${disclosure.failed ? 'false' : 'true'}>
          ${disclosure.failed ? t.unavailable : t.loading}
        </p>`;
  }
  return html`<button
      part="verified"
      class="verified-mark"
      type="button"
      aria-expanded=${disclosure.open ? 'true' : 'false'}
      aria-controls=${id}
      @click=${disclosure.toggle}
      @pointerenter=${disclosure.prepare}
      @focus=${disclosure.prepare}
    >
      ${SHIELD_ICON}<span>${t.howVerified}</span>
    </button>
    <div
      part="disclosure"
      id=${id}
      class="disclosure"
      role="region"
      aria-label=${t.howVerified}
      ?hidden=${!disclosure.open}
    >
      ${content}
    </div>`;
}

/** Styles of the verified mark and the panel; the panel opens below its positioned container. */
export const verificationStyles = css`
  .verified-mark {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--link);
    font: inherit;
    font-size: 0.875em;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
    fill: var(--verified);
  }

  .disclosure {
    position: absolute;
    z-index: 1000;
    top: 100%;
    inset-inline-start: 0;
    width: max-content;
    max-width: min(24rem, calc(100vw - 2rem));
    margin-top: 0.25em;
    padding: 1em;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    color: var(--text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    font-size: 0.875em;
    font-weight: normal;
    text-align: start;
    white-space: normal;
  }

  .disclosure[hidden] {
    display: none;
  }

  .disclosure p {
    margin: 0 0 0.6em;
  }

  .disclosure .muted {
    color: var(--muted);
  }

  .close {
    min-height: 24px;
    padding: 0.25em 0.75em;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) / 2);
    background: transparent;
    color: var(--text);
    font: inherit;
    cursor: pointer;
  }
`;

/**
 * R11: wherever a score is shown, the visitor can open how reviews are collected and verified.
 * The badge and the list header share this disclosure: a button (the verified mark) and a panel
 * that explains the score, the provenance counts and links the shop's verification policy.
 */
import { css, html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { MODERATION_REASONS } from '../client/schemas.js';
import type { Summary } from '../client/schemas.js';
import type { Localizer } from './localize.js';
import { safeHttpUrl } from './url.js';

/** Open state, Escape, and a click outside, for one disclosure of a host element. */
export class DisclosureController implements ReactiveController {
  open = false;

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

  show(): void {
    this.open = true;
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

/** The verified mark and its panel; `id` must be unique in the host's shadow root. */
export function verificationDisclosure(
  l10n: Localizer,
  summary: Summary,
  disclosure: DisclosureController,
  id = 'disclosure',
): TemplateResult {
  const { t } = l10n;
  const count = summary.rating.count;
  const policyUrl = safeHttpUrl(summary.verificationPolicyUrl);
  return html`<button
      part="verified"
      class="verified-mark"
      type="button"
      aria-expanded=${disclosure.open ? 'true' : 'false'}
      aria-controls=${id}
      @click=${disclosure.toggle}
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
      <p>${count > 0 ? t.disclosureScore(count, l10n.number(count)) : t.disclosureNoScore}</p>
      <p>${t.disclosureVerification}</p>
      <p>${t.disclosureHonesty}</p>
      <p class="muted">
        ${t.disclosureTotals({
          published: l10n.number(summary.totals.published),
          verified: l10n.number(summary.totals.verified),
          unverified: l10n.number(summary.totals.unverified),
          imported: l10n.number(summary.totals.imported),
        })}
      </p>
      ${removals(l10n, summary)}
      ${
        policyUrl
          ? html`<p><a href=${policyUrl} target="_blank" rel="noopener noreferrer">${t.verificationPolicy}</a></p>`
          : nothing
      }
      <button type="button" class="close" @click=${() => disclosure.hide(true)}>${t.close}</button>
    </div>`;
}

/** R13: how many reviews were removed in the last 12 months, by stated reason (when the API says). */
function removals(l10n: Localizer, summary: Summary): TemplateResult | typeof nothing {
  const removed = summary.removed;
  if (!removed) return nothing;
  const { t } = l10n;
  const reasons = MODERATION_REASONS.filter((reason) => removed[reason] > 0);
  const total = reasons.reduce((sum, reason) => sum + removed[reason], 0);
  if (total === 0) return html`<p class="muted">${t.disclosureNoneRemoved}</p>`;
  const parts = reasons.map((reason) => `${t.removalReasons[reason]}: ${l10n.number(removed[reason])}`).join(', ');
  return html`<p class="muted">${t.disclosureRemoved(total, l10n.number(total), parts)}</p>`;
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

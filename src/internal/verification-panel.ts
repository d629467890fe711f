/**
 * R11's panel: what the score is, how reviews are verified, the published reviews by provenance,
 * the removals of the last 12 months (R13) and the shop's verification policy. Loaded on demand
 * by verification.ts, with its English strings.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { MODERATION_REASONS } from '../client/limits.js';
import type { Summary } from '../client/schemas.js';
import { enDisclosure } from '../translations/en-disclosure.js';
import { addEnglish } from './localize.js';
import type { Localizer } from './localize.js';
import { safeHttpUrl } from './url.js';

addEnglish(enDisclosure);

/** What the panel says: the score, how reviews are verified, the counts, the removals, the policy. */
export function verificationPanel(l10n: Localizer, summary: Summary, close: () => void): TemplateResult {
  const { t } = l10n;
  const count = summary.rating.count;
  const policyUrl = safeHttpUrl(summary.verificationPolicyUrl);
  return html`
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
    <button type="button" class="close" @click=${close}>${t.close}</button>
  `;
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

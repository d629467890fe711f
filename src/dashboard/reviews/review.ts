import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminReview } from '../../contract/admin.js';
import { replyInputSchema } from '../../contract/admin.js';
import { isVerityApiError } from '../../client/errors.js';
import { LIMITS, MODERATION_REASONS, REPORT_REASONS } from '../../client/schemas.js';
import type { ModerationReason, ReportReason } from '../../client/schemas.js';
import { validateInput } from '../../client/validate.js';
import type { FieldErrors } from '../../client/validate.js';
import type { HistoryEntry } from '../../contract/dashboard.js';
import type { IdentityRequest } from '../../contract/reviewer.js';
import { MONTH_YEAR } from '../../internal/review-parts.js';
import { routeHref } from '../router.js';
import { DashboardScreen } from '../screen.js';
import { flagged, provenanceLabel, reviewStyles, stars, when } from '../ui/review-parts.js';

/**
 * One review in full: its text with any flags marked, its provenance and private details, its
 * history (submitted, moderated by whom and why, edited, replied, reported), and the public reply
 * (R6) that the member writes or edits, shown as visitors see it: from the shop.
 *
 * @customElement verity-dash-review
 * @summary The dashboard's page of one review.
 */
export class VerityDashReview extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    ...reviewStyles,
    css`
      .review-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }

      .review-head h2 {
        margin: 0;
        overflow-wrap: anywhere;
      }

      .history {
        margin: 0;
        padding-inline-start: 1.25rem;
        display: grid;
        gap: 0.35rem;
      }

      .reply-preview {
        display: grid;
        gap: 0.25rem;
        padding: 0.75rem 1rem;
        border-inline-start: 3px solid var(--border);
        background: var(--page);
        border-radius: 0 var(--radius) var(--radius) 0;
      }
    `,
  ];

  /** The review's id (`/dashboard/reviews/:id`). */
  @property({ attribute: 'review-id', reflect: true }) reviewId = '';

  @state() private editing = false;
  @state() private saving = false;
  @state() private fields: FieldErrors = {};
  @state() private saveFailed = false;
  /** The review as the API answered the last change (newer than the task's value). */
  @state() private changed?: AdminReview;

  private readonly review = this.load(
    ([api, id], signal) => api.review(id, { signal }),
    () => [this.api, this.reviewId] as const,
  );

  private readonly history = this.load(
    ([api, id], signal) => api.history(id, { signal }),
    () => [this.api, this.reviewId] as const,
  );

  /** "Find reviewer" (SPEC §7): the request about this review, if anyone asked. */
  private readonly identity = this.load(
    ([api, id], signal) => api.identityRequest(id, { signal }),
    () => [this.api, this.reviewId] as const,
  );
  /** The action under way ("ask" or "report"), and what the API refused it with. */
  @state() private identityBusy: 'ask' | 'report' | null = null;
  @state() private identityProblem: string | null = null;

  get heading(): string {
    return this.l10n.t.screens.review;
  }

  protected override renderHeadExtra() {
    return html`<a href=${routeHref('reviews', { business: this.business || undefined })}
      >${this.l10n.t.review.back}</a
    >`;
  }

  private get shopName(): string {
    return this.me?.memberships.find((m) => m.business.id === this.business)?.business.name ?? '';
  }

  private async saveReply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t } = this.l10n;
    const review = this.changed?.id === this.reviewId ? this.changed : this.review.value;
    if (!review) return;
    const data = new FormData(event.target as HTMLFormElement);
    const input = { body: String(data.get('body') ?? ''), authorName: String(data.get('authorName') ?? '') };
    const valid = validateInput(replyInputSchema, input);
    if (!valid.success) {
      this.fields = valid.fields;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.fields = {};
    this.saving = true;
    this.saveFailed = false;
    try {
      const updated = await this.api.reply(review.id, valid.data);
      this.changed = updated;
      this.editing = false;
      this.announce(t.review.published);
      void this.history.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.edit-reply')?.focus();
    } catch (error) {
      this.failed(error);
      if (isVerityApiError(error) && error.fields) this.fields = error.fields as FieldErrors;
      else this.saveFailed = true;
    } finally {
      this.saving = false;
    }
  }

  private async edit(): Promise<void> {
    this.editing = true;
    this.fields = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  protected override renderError(error: unknown, retry: () => unknown) {
    if (isVerityApiError(error) && error.code === 'not_found') return this.renderEmpty(this.l10n.t.review.notFound);
    return super.renderError(error, retry);
  }

  protected renderContent() {
    return this.renderTask(
      this.review,
      (review) => this.renderReview(this.changed?.id === review.id ? this.changed : review),
      2,
    );
  }

  private renderReview(review: AdminReview): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const { flags } = review;
    return html`<article class="panel" aria-labelledby="review-title">
        <div class="review-head">
          ${stars(review.rating, l10n)}
          <h2 id="review-title" lang=${review.language} dir="auto">
            ${review.title ? flagged(review.title, flags, 'title') : t.reviews.untitled}
          </h2>
          <span class="badge ${review.status === 'rejected' ? 'danger' : review.status === 'published' ? 'ok' : ''}"
            >${t.statuses[review.status]}</span
          >
        </div>
        <p class="body-text" lang=${review.language} dir="auto">${flagged(review.body, flags, 'body')}</p>
        <dl class="facts">
          <dt>${t.review.name}</dt>
          <dd dir="auto">${flagged(review.author.displayName, flags, 'authorName')}</dd>
          <dt>${t.review.email}</dt>
          <dd>${review.email ?? html`<span class="muted">${t.review.noEmail}</span>`}</dd>
          <dt>${t.review.provenance}</dt>
          <dd>${provenanceLabel(review, l10n)}</dd>
          <dt>${t.review.status}</dt>
          <dd>
            ${t.statuses[review.status]}${
              review.moderation?.reason
                ? html` · ${t.review.rejectedFor(t.moderationReasons[review.moderation.reason])}`
                : nothing
            }
          </dd>
          <dt>${t.review.history.submitted}</dt>
          <dd>${when(review.createdAt, l10n)}</dd>
          <dt>${t.review.experienced}</dt>
          <dd>${l10n.date(`${review.experiencedAt}T12:00:00Z`, MONTH_YEAR)}</dd>
          <dt>${t.review.reports}</dt>
          <dd>${l10n.number(review.reports)}</dd>
        </dl>
      </article>
      ${this.renderReply(review)} ${this.renderFindReviewer(review)}
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">${t.review.historyTitle}</h2>
        ${this.renderTask(this.history, (entries) => this.renderHistory(entries), 1)}
      </section>`;
  }

  /** Asks the author (once), or reports the unanswered review as not genuine; then reloads the state. */
  private async identityAction(kind: 'ask' | 'report'): Promise<void> {
    const { t } = this.l10n;
    this.identityBusy = kind;
    this.identityProblem = null;
    try {
      if (kind === 'ask') await this.api.requestIdentity(this.reviewId);
      else await this.api.reportNotGenuine(this.reviewId);
      this.announce(kind === 'ask' ? t.findReviewer.asked : t.findReviewer.reported);
      void this.history.run();
    } catch (error) {
      this.failed(error);
      const code = isVerityApiError(error) ? (error.apiCode ?? error.code) : '';
      // Someone else asked (or reported) first: the fresh state below says what happened.
      if (code !== 'conflict') {
        this.identityProblem =
          code === 'verified_by_invitation'
            ? t.findReviewer.invited
            : code === 'no_address'
              ? t.findReviewer.noAddress
              : code === 'report_window_closed'
                ? t.findReviewer.tooOld
                : t.findReviewer.failed;
      }
    } finally {
      this.identityBusy = null;
    }
    await this.identity.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#find-reviewer-title')?.focus();
  }

  private renderFindReviewer(review: AdminReview): TemplateResult {
    const { t } = this.l10n;
    const f = t.findReviewer;
    const day = (iso: string | null) =>
      iso ? this.l10n.date(iso, { dateStyle: 'long', timeStyle: 'short' } as Intl.DateTimeFormatOptions) : '';
    const answer = (given: IdentityRequest['answer']) =>
      given
        ? html`<dl class="facts">
            ${(['email', 'orderReference', 'fullName', 'phone'] as const).map((key) =>
              given[key]
                ? html`<dt>${f.fields[key]}</dt>
                    <dd dir="auto">${given[key]}</dd>`
                : nothing,
            )}
          </dl>`
        : nothing;
    const button = (kind: 'ask' | 'report') =>
      html`<div class="actions">
        <button
          class="button ${kind === 'report' ? 'danger' : 'secondary'} ${kind}-identity"
          type="button"
          ?disabled=${this.identityBusy !== null}
          @click=${() => this.identityAction(kind)}
        >
          ${
            this.identityBusy === kind
              ? kind === 'ask'
                ? f.asking
                : f.reporting
              : kind === 'ask'
                ? f.ask
                : f.reportNotGenuine
          }
        </button>
      </div>`;
    const body = (request: IdentityRequest | null): TemplateResult => {
      if (!request) {
        if (review.verification.method === 'invitation') return html`<p class="muted">${f.invited}</p>`;
        if (!review.email) return html`<p class="muted">${f.noAddress}</p>`;
        return html`<p class="help">${f.intro}</p>
          ${button('ask')}`;
      }
      switch (request.state) {
        case 'waiting':
          return html`<p>${f.waiting(day(request.expiresAt))}</p>`;
        case 'answered':
          return html`<p>${f.answered(day(request.answeredAt))}</p>
            ${answer(request.answer)}`;
        case 'unanswered':
          return html`<p>${f.unanswered}</p>
            ${button('report')}`;
        case 'proof_requested':
          return html`<p>${f.proofRequested(day(request.proofDueAt))}</p>`;
        case 'proof_given':
          return html`<p>${f.proofGiven(day(request.proofAt))}</p>
            ${answer(request.proof)}`;
        case 'removed':
          return html`<p class="banner warning">${f.removed(day(request.removedAt))}</p>`;
      }
    };
    return html`<section class="panel find-reviewer" aria-labelledby="find-reviewer-title">
      <h2 id="find-reviewer-title" tabindex="-1">${f.title}</h2>
      ${this.renderTask(this.identity, (request) => body(request), 1)}
      ${this.identityProblem ? html`<p class="error-text" role="alert">${this.identityProblem}</p>` : nothing}
    </section>`;
  }

  private renderHistory(entries: HistoryEntry[]): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const who = (by: string | null) =>
      by === null
        ? t.review.byReviewer
        : by === 'operator'
          ? t.review.byOperator
          : by === this.me?.email
            ? t.review.byYou
            : t.review.by(by);
    const reason = (entry: HistoryEntry) => {
      if (!entry.reason) return '';
      if (entry.action === 'reported' && (REPORT_REASONS as readonly string[]).includes(entry.reason)) {
        return t.reports.reasons[entry.reason as ReportReason];
      }
      if ((MODERATION_REASONS as readonly string[]).includes(entry.reason)) {
        return t.moderationReasons[entry.reason as ModerationReason];
      }
      return entry.reason;
    };
    return html`<ol class="history">
      ${entries.map(
        (entry) =>
          html`<li>
            <strong>${t.review.history[entry.action]}</strong> ${who(entry.by)}${
              entry.reason ? html` · ${t.review.reason(reason(entry))}` : nothing
            }
            · ${when(entry.at, l10n)}
          </li>`,
      )}
    </ol>`;
  }

  private renderReply(review: AdminReview): TemplateResult {
    const { t } = this.l10n;
    const reply = review.reply;
    const error = (field: string) => {
      const code = this.fields[field];
      return code
        ? html`<p id="${field}-error" class="field-error">${t.problems[code] ?? t.problem(code)}</p>`
        : nothing;
    };
    const invalid = (field: string) => (this.fields[field] ? 'true' : 'false');
    return html`<section class="panel" aria-labelledby="reply-title">
      <h2 id="reply-title">${t.review.replyTitle}</h2>
      <p class="help">${t.review.replyIntro}</p>
      ${review.status !== 'published' ? html`<p class="banner warning">${t.review.notPublic}</p>` : nothing}
      ${
        reply && !this.editing
          ? html`<div class="stack">
              <p class="label">${t.review.replyPreview}</p>
              <div class="reply-preview" role="group" aria-label=${t.review.replyFrom(reply.authorName)}>
                <p>
                  <strong dir="auto">${t.review.replyFrom(reply.authorName)}</strong> ·
                  ${when(reply.createdAt, this.l10n)}
                </p>
                <p class="body-text reply-body" dir="auto">${reply.body}</p>
              </div>
            </div>`
          : nothing
      }
      ${!reply && !this.editing ? html`<p class="muted">${t.review.noReply}</p>` : nothing}
      ${
        this.editing
          ? html`<form class="stack" novalidate @submit=${this.saveReply}>
              <div class="field">
                <label for="reply-body">${t.review.body}</label>
                <textarea
                  id="reply-body"
                  name="body"
                  maxlength=${LIMITS.replyMax}
                  .value=${reply?.body ?? ''}
                  aria-invalid=${invalid('body')}
                  aria-describedby=${this.fields.body ? 'body-error' : nothing}
                ></textarea>
                ${error('body')}
              </div>
              <div class="field">
                <label for="reply-author">${t.review.author}</label>
                <input
                  id="reply-author"
                  name="authorName"
                  maxlength=${LIMITS.authorNameMax}
                  .value=${reply?.authorName ?? this.shopName}
                  aria-invalid=${invalid('authorName')}
                  aria-describedby=${this.fields.authorName ? 'authorName-error' : nothing}
                />
                ${error('authorName')}
              </div>
              ${this.saveFailed ? html`<p class="error-text" role="alert">${t.saveFailed}</p>` : nothing}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.saving}>
                  ${this.saving ? t.saving : reply ? t.review.update : t.review.publish}
                </button>
                <button class="button secondary" type="button" @click=${() => (this.editing = false)}>
                  ${t.cancel}
                </button>
              </div>
            </form>`
          : html`<div class="actions">
              <button class="button secondary edit-reply" type="button" @click=${this.edit}>
                ${reply ? t.review.edit : t.review.write}
              </button>
            </div>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-review': VerityDashReview;
  }
}

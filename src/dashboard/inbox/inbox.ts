import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { AdminReview } from '../../contract/admin.js';
import { MODERATION_REASONS } from '../../client/schemas.js';
import type { ModerationReason } from '../../client/schemas.js';
import { DashboardScreen } from '../screen.js';
import { flagged, provenanceLabel, reviewStyles, stars, when } from '../ui/review-parts.js';
import { inboxStyles } from './inbox.styles.js';

/** Reviews a page: enough to work through, never the whole queue at once. */
export const INBOX_PAGE_SIZE = 20;

/** The keys of the inbox, shown on screen. */
export const SHORTCUTS = { next: 'j', previous: 'k', approve: 'a', reject: 'r', select: 'x' } as const;

/** Whether a key press belongs to a field the member is typing in (shortcuts then stay quiet). */
function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
  );
}

/**
 * The moderation queue (R4): pending reviews, oldest first, a page at a time, each with its
 * stars, text, author and provenance, and the automatic checks' flags marked in the text. Approve,
 * or reject for a content reason only (the rating is never one); approve many at once; move and
 * act from the keyboard. A decision takes the review out of the list at once and puts it back if
 * the API refuses, saying so in the live region.
 *
 * @customElement verity-dash-inbox
 * @summary The dashboard's moderation inbox.
 */
export class VerityDashInbox extends DashboardScreen {
  static override styles = [...DashboardScreen.styles, ...reviewStyles, inboxStyles];

  @state() private selected = new Set<string>();
  @state() private current = 0;
  @state() private rejecting?: AdminReview;
  @state() private rejectError = false;
  @state() private bulkBusy = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly queue = this.paged(
    ([api, business], cursor, signal) =>
      api.reviews(business, { status: 'pending', sort: 'oldest', cursor, limit: INBOX_PAGE_SIZE }, { signal }),
    () => [this.api, this.business] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.inbox;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeydown);
  }

  // -------------------------------------------------------------------------------------------
  // Keyboard

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || this.dialog?.open) return;
    if (typing(event) || !this.isConnected) return;
    const items = this.queue.items;
    const review = items[this.current];
    switch (event.key) {
      case SHORTCUTS.next:
        this.focusCard(Math.min(this.current + 1, items.length - 1));
        break;
      case SHORTCUTS.previous:
        this.focusCard(Math.max(this.current - 1, 0));
        break;
      case SHORTCUTS.approve:
        if (review) void this.approve(review);
        break;
      case SHORTCUTS.reject:
        if (review) void this.openReject(review);
        break;
      case SHORTCUTS.select:
        if (review) this.toggle(review);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private async focusCard(index: number): Promise<void> {
    if (index < 0) return;
    this.current = index;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('article.card')[index]?.focus();
  }

  private toggle(review: AdminReview): void {
    const selected = new Set(this.selected);
    if (selected.has(review.id)) selected.delete(review.id);
    else selected.add(review.id);
    this.selected = selected;
  }

  private toggleAll(checked: boolean): void {
    this.selected = checked ? new Set(this.queue.items.map((r) => r.id)) : new Set();
  }

  // -------------------------------------------------------------------------------------------
  // Decisions

  /** Takes a review out of the list for a decision; returns how to put it back. */
  private takeOut(review: AdminReview): () => void {
    const hadFocus = this.renderRoot.querySelector(`[data-id="${CSS.escape(review.id)}"]`)?.matches(':focus-within');
    const index = this.queue.remove(review);
    const selected = new Set(this.selected);
    selected.delete(review.id);
    this.selected = selected;
    this.current = Math.min(this.current, Math.max(this.queue.items.length - 1, 0));
    if (hadFocus) void this.focusCard(this.current);
    return () => this.queue.restore(review, index);
  }

  private async decide(review: AdminReview, reason?: ModerationReason): Promise<boolean> {
    const { t } = this.l10n;
    const putBack = this.takeOut(review);
    try {
      await this.api.moderate(review.id, reason ? { decision: 'reject', reason } : { decision: 'approve' });
      return true;
    } catch (error) {
      putBack();
      this.announce(t.inbox.failed(review.author.displayName));
      this.failed(error);
      return false;
    }
  }

  private async approve(review: AdminReview): Promise<void> {
    this.announce(this.l10n.t.inbox.approved(review.author.displayName));
    await this.decide(review);
  }

  private async approveSelected(): Promise<void> {
    const { t } = this.l10n;
    const reviews = this.queue.items.filter((r) => this.selected.has(r.id));
    if (reviews.length === 0) return;
    this.bulkBusy = true;
    this.announce(this.l10n.count(t.inbox.approvedMany, reviews.length));
    // One after another: the API's answers keep their order, and a failure puts back only its review.
    const results: boolean[] = [];
    for (const review of reviews) results.push(await this.decide(review));
    const failed = results.filter((ok) => !ok).length;
    if (failed > 0) {
      this.announce(
        [
          this.l10n.count(t.inbox.approvedMany, reviews.length - failed),
          ...reviews.filter((_, i) => !results[i]).map((r) => t.inbox.failed(r.author.displayName)),
        ].join(' '),
      );
    }
    this.bulkBusy = false;
  }

  private async openReject(review: AdminReview): Promise<void> {
    this.rejecting = review;
    this.rejectError = false;
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog) return;
    dialog.querySelector('form')?.reset();
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  }

  private async confirmReject(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const review = this.rejecting;
    const reason = new FormData(event.target as HTMLFormElement).get('reason') as ModerationReason | null;
    if (!review) return;
    if (!reason || !MODERATION_REASONS.includes(reason)) {
      this.rejectError = true;
      this.dialog?.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    this.dialog?.close();
    this.announce(this.l10n.t.inbox.rejected(review.author.displayName));
    await this.decide(review, reason);
  }

  private onDialogClose(): void {
    const review = this.rejecting;
    this.rejecting = undefined;
    // Back to where the member was: the review's card, or the one now in its place.
    const index = review ? this.queue.items.indexOf(review) : -1;
    void this.focusCard(index >= 0 ? index : this.current);
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override renderHeadExtra() {
    if (!this.queue.task.value) return nothing;
    return html`<span class="badge">${this.l10n.count(this.l10n.t.inbox.waiting, this.queue.total)}</span>`;
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`<p class="intro">${t.inbox.intro}</p>
      ${this.renderShortcuts()} ${this.renderPaged(this.queue, t.inbox.empty, (items) => this.renderQueue(items))}
      ${this.renderDialog()}`;
  }

  private renderShortcuts(): TemplateResult {
    const { t } = this.l10n;
    const key = (k: string) => html`<kbd>${k}</kbd>`;
    return html`<section class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">${t.inbox.shortcutsTitle}</h2>
      <ul>
        <li>${key(SHORTCUTS.next)} ${key(SHORTCUTS.previous)} ${t.inbox.shortcuts.move}</li>
        <li>${key(SHORTCUTS.approve)} ${t.inbox.shortcuts.approve}</li>
        <li>${key(SHORTCUTS.reject)} ${t.inbox.shortcuts.reject}</li>
        <li>${key(SHORTCUTS.select)} ${t.inbox.shortcuts.select}</li>
      </ul>
    </section>`;
  }

  private renderQueue(items: AdminReview[]): TemplateResult {
    const { t } = this.l10n;
    const count = this.selected.size;
    const all = count > 0 && count === items.length;
    return html`<div class="toolbar bulk">
        <label class="check"
          ><input
            type="checkbox"
            .checked=${all}
            .indeterminate=${count > 0 && !all}
            @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
          />${count > 0 ? this.l10n.count(t.inbox.selected, count) : t.inbox.selectAll}</label
        >
        <button
          class="button approve-selected"
          type="button"
          ?disabled=${count === 0 || this.bulkBusy}
          @click=${this.approveSelected}
        >
          ${this.l10n.count(t.inbox.approveSelected, count)}
        </button>
      </div>
      <ul class="plain cards">
        ${items.map((review, index) => this.renderCard(review, index))}
      </ul>`;
  }

  private renderCard(review: AdminReview, index: number): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const id = `review-${index}`;
    const { flags } = review;
    return html`<li data-id=${review.id} @focusin=${() => (this.current = index)}>
      <article class="card ${index === this.current ? 'current' : ''}" tabindex="-1" aria-labelledby="${id}-title">
        <div class="card-head">
          <input
            type="checkbox"
            class="select"
            aria-label=${t.inbox.select(review.author.displayName)}
            .checked=${this.selected.has(review.id)}
            @change=${() => this.toggle(review)}
          />
          ${stars(review.rating, l10n)}
          <h3 id="${id}-title" lang=${review.language} dir="auto">
            ${review.title ? flagged(review.title, flags, 'title') : html`<span class="muted">${t.reviews.untitled}</span>`}
          </h3>
        </div>
        <p class="meta">
          <span class="author" dir="auto">${flagged(review.author.displayName, flags, 'authorName')}</span>
          · ${provenanceLabel(review, l10n)} · ${when(review.createdAt, l10n)}
        </p>
        <p class="body-text" lang=${review.language} dir="auto">${flagged(review.body, flags, 'body')}</p>
        ${review.email ? html`<p class="help">${t.inbox.privateEmail(review.email)}</p>` : nothing}
        ${
          flags.length > 0
            ? html`<div class="flags">
                <p class="label">${t.inbox.flagsTitle}</p>
                <ul>
                  ${flags.map(
                    (flag) =>
                      html`<li>
                        ${t.inbox.flagIn(t.inbox.flagKinds[flag.kind], t.inbox.flagFields[flag.field])}
                        <mark dir="auto">${flag.match}</mark> (${t.moderationReasons[flag.reason]})
                      </li>`,
                  )}
                </ul>
              </div>`
            : html`<p class="help">${t.inbox.noFlags}</p>`
        }
        <div class="actions">
          <button class="button approve" type="button" @click=${() => this.approve(review)}>${t.inbox.approve}</button>
          <button
            class="button secondary reject"
            type="button"
            aria-haspopup="dialog"
            @click=${() => this.openReject(review)}
          >
            ${t.inbox.reject}
          </button>
        </div>
      </article>
    </li>`;
  }

  private renderDialog(): TemplateResult {
    const { t } = this.l10n;
    const review = this.rejecting;
    const suggested = new Set(review?.flags.map((f) => f.reason));
    return html`<dialog aria-labelledby="reject-title" aria-describedby="reject-intro" @close=${this.onDialogClose}>
      ${
        review
          ? html`<form class="stack" novalidate @submit=${this.confirmReject}>
              <h2 id="reject-title">${t.reject.title}</h2>
              <p class="muted" dir="auto">
                “${review.title ?? review.body.slice(0, 80)}” · ${review.author.displayName}
              </p>
              <p id="reject-intro">${t.reject.intro}</p>
              <fieldset
                role="radiogroup"
                aria-required="true"
                aria-invalid=${this.rejectError ? 'true' : 'false'}
                aria-describedby=${this.rejectError ? 'reject-error' : nothing}
              >
                <legend>${t.reject.legend}</legend>
                ${MODERATION_REASONS.map(
                  (reason) =>
                    html`<label class="check reason"
                      ><input type="radio" name="reason" value=${reason} @change=${() => (this.rejectError = false)} />
                      <span
                        >${t.reject.reasons[reason]}${
                          suggested.has(reason) ? html` <span class="badge">${t.reject.suggested}</span>` : nothing
                        }</span
                      ></label
                    >`,
                )}
              </fieldset>
              ${this.rejectError ? html`<p id="reject-error" class="field-error" role="alert">${t.reject.required}</p>` : nothing}
              <div class="actions">
                <button class="button danger" type="submit">${t.reject.confirm}</button>
                <button class="button secondary" type="button" @click=${() => this.dialog?.close()}>${t.cancel}</button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-inbox': VerityDashInbox;
  }
}

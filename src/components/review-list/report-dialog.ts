/**
 * The list's report dialog (R10): opened from a card's Report button, it asks for a reason (the
 * "not genuine" reason only while its window is open) and an optional note, sends the report,
 * thanks the visitor, and gives the focus back to the button it was opened from.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { isVerityApiError } from '../../client/errors.js';
import { REPORT_REASONS } from '../../client/limits.js';
import type { ReportReason, Review } from '../../client/schemas.js';
import type { WidgetHost, WidgetServices } from '../../internal/element.js';
import { canReportNotGenuine } from '../../rules/windows.js';

type ReportStatus = 'idle' | 'sending' | 'sent' | 'failed' | 'window-closed';

export class ReportDialogController implements ReactiveController {
  private review?: Review | undefined;
  private reason?: ReportReason | undefined;
  private status: ReportStatus = 'idle';
  private opener?: HTMLElement | undefined;

  constructor(
    private readonly host: WidgetHost,
    private readonly services: WidgetServices,
  ) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  hostDisconnected(): void {
    // A list taken off the page keeps no hold on the button it was opened from.
    this.opener = undefined;
  }

  private set(patch: { review?: Review | undefined; reason?: ReportReason | undefined; status?: ReportStatus }): void {
    if ('review' in patch) this.review = patch.review;
    if ('reason' in patch) this.reason = patch.reason;
    if (patch.status) this.status = patch.status;
    this.host.requestUpdate();
  }

  /** Opens the dialog for a review; `button` gets the focus back when it closes. */
  readonly open = (review: Review, button: HTMLElement): void => {
    this.set({ review, reason: undefined, status: 'idle' });
    this.opener = button;
    void this.host.updateComplete.then(() => {
      const dialog = this.dialog;
      if (!dialog || dialog.open) return;
      dialog.showModal();
      dialog.querySelector<HTMLInputElement>('input[name="reason"]:not([disabled])')?.focus();
    });
  };

  private readonly send = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { review, reason } = this;
    const client = this.services.client();
    if (!review || !client || !reason || this.status === 'sending') return;
    const note = (this.dialog?.querySelector('textarea')?.value ?? '').trim();
    this.set({ status: 'sending' });
    try {
      await client.reportReview(review.id, { reason, ...(note ? { note } : {}) });
      this.set({ status: 'sent' });
      // The send button gives way to the thanks: the focus moves to its Close button.
      await this.host.updateComplete;
      this.dialog?.querySelector<HTMLButtonElement>('.dialog-actions button')?.focus();
    } catch (error) {
      this.set({
        status: isVerityApiError(error) && error.code === 'report_window_closed' ? 'window-closed' : 'failed',
      });
      this.services.reportError(error);
    }
  };

  private readonly close = (): void => {
    this.dialog?.close();
  };

  private readonly onClose = (): void => {
    this.set({ review: undefined, status: 'idle' });
    this.opener?.focus();
    this.opener = undefined;
  };

  render(): TemplateResult {
    const review = this.review;
    const { t } = this.services.l10n();
    const windowOpen = review ? canReportNotGenuine(review.createdAt, new Date()) : true;
    const done = this.status === 'sent';
    return html`<dialog part="dialog" aria-labelledby="report-title" @close=${this.onClose}>
      ${
        review
          ? html`<form method="dialog" @submit=${this.send}>
              <h2 id="report-title">${t.reportTitle}</h2>
              ${
                done
                  ? html`<p role="status">${t.reportSent}</p>
                      <div class="dialog-actions">
                        <button type="button" class="button" autofocus @click=${this.close}>${t.close}</button>
                      </div>`
                  : html`<fieldset>
                        <legend>${t.reportReasonLegend}</legend>
                        ${REPORT_REASONS.map((reason) => {
                          const closed = reason === 'not_genuine' && !windowOpen;
                          return html`<label class="reason ${closed ? 'closed' : ''}">
                            <input
                              type="radio"
                              name="reason"
                              value=${reason}
                              required
                              ?disabled=${closed}
                              aria-describedby=${closed ? 'not-genuine-closed' : nothing}
                              .checked=${this.reason === reason}
                              @change=${() => this.set({ reason })}
                            />
                            <span>${t.reportReasons[reason]}</span>
                          </label>`;
                        })}
                        ${windowOpen ? nothing : html`<p id="not-genuine-closed" class="hint">${t.notGenuineClosed}</p>`}
                      </fieldset>
                      <label class="note">
                        <span>${t.reportNote}</span>
                        <textarea name="note" maxlength="1000" rows="3"></textarea>
                      </label>
                      ${
                        this.status === 'failed' || this.status === 'window-closed'
                          ? html`<p class="vote-error" role="alert">
                              ${this.status === 'window-closed' ? t.notGenuineClosed : t.reportFailed}
                            </p>`
                          : nothing
                      }
                      <div class="dialog-actions">
                        <button type="button" class="button secondary" @click=${this.close}>${t.cancel}</button>
                        <button
                          type="submit"
                          class="button"
                          aria-disabled=${this.status === 'sending' ? 'true' : 'false'}
                        >
                          ${this.status === 'sending' ? t.submitting : t.sendReport}
                        </button>
                      </div>`
              }
            </form>`
          : nothing
      }
    </dialog>`;
  }
}

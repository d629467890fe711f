import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { INVITATION_STATES, ORDER_CSV_COLUMNS } from '../provisional.js';
import type { AdminInvitation, InvitationState, OrderUploadResult } from '../provisional.js';
import { optionOf } from '../router.js';
import { DashboardScreen } from '../screen.js';
import { around } from '../../internal/review-parts.js';
import { when } from '../ui/review-parts.js';

/** Larger files are refused before they are sent (the server's body limit is the real one). */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;

function isCsv(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv';
}

/**
 * Orders in, invitations out (R8, R9, R13): a CSV upload (file input or drag and drop) answered
 * row by row, the invited share and the counted exclusions (opt-outs, bounces), and every
 * invitation by state.
 *
 * @customElement verity-dash-invitations
 * @summary The dashboard's invitations.
 */
export class VerityDashInvitations extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    css`
      .drop {
        display: grid;
        gap: 0.75rem;
        padding: 1rem;
        border: 2px dashed var(--border);
        border-radius: var(--radius);
      }

      .drop.over {
        border-color: var(--link);
        background: var(--accent-surface);
      }

      .glance {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.75rem;
        margin: 0;
      }

      .glance div {
        display: grid;
        gap: 0.15rem;
      }

      .glance dt {
        color: var(--muted);
        font-size: 0.875rem;
      }

      .glance dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }

      .dates {
        display: grid;
        gap: 0.1rem;
        font-size: 0.875rem;
      }

      td code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private stateFilter?: InvitationState;
  @state() private dragging = false;
  @state() private uploading = false;
  @state() private result?: OrderUploadResult;
  @state() private uploadError?: string;

  private readonly list = this.paged(
    ([api, business, status], cursor, signal) => api.invitations(business, { status, cursor, limit: 25 }, { signal }),
    () => [this.api, this.business, this.stateFilter] as const,
  );

  private readonly glance = this.load(
    async ([api, business], signal) => {
      const [insights, optedOut, failed] = await Promise.all([
        api.insights(business, { signal }),
        api.invitations(business, { status: 'opted_out', limit: 1 }, { signal }),
        api.invitations(business, { status: 'failed', limit: 1 }, { signal }),
      ]);
      return { invitedShare: insights.invitedShare, optedOut: optedOut.total, failed: failed.total };
    },
    () => [this.api, this.business] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.invitations;
  }

  protected override readParams(params: URLSearchParams): void {
    this.stateFilter = optionOf(INVITATION_STATES, params.get('state'));
  }

  private choose(value: string): void {
    this.stateFilter = optionOf(INVITATION_STATES, value);
    this.recordParams({ state: this.stateFilter });
  }

  private async upload(file: File | undefined): Promise<void> {
    const { t } = this.l10n;
    if (!file) return;
    this.result = undefined;
    this.uploadError = undefined;
    if (!isCsv(file) || file.size > CSV_MAX_BYTES) {
      this.uploadError = t.invitations.notCsv;
      return;
    }
    this.uploading = true;
    try {
      const result = await this.api.uploadOrders(this.business, await file.text());
      this.result = result;
      const said = [this.l10n.count(t.invitations.uploaded, result.accepted)];
      if (result.skipped) said.push(this.l10n.count(t.invitations.skipped, result.skipped));
      if (result.problems.length) said.push(this.l10n.count(t.invitations.problemsTitle, result.problems.length));
      this.announce(said.join(' '));
      if (result.accepted > 0) {
        void this.list.task.run();
        void this.glance.run();
      }
    } catch (error) {
      this.failed(error);
      this.uploadError = t.invitations.uploadFailed;
    } finally {
      this.uploading = false;
    }
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.upload(event.dataTransfer?.files[0]);
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.upload(input.files?.[0]);
    // The same file again (after fixing it) is a new choice.
    input.value = '';
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`<p class="intro">${t.invitations.intro}</p>
      ${this.renderUpload()} ${this.renderGlance()}
      <section class="stack" aria-labelledby="list-title">
        <h2 id="list-title" class="visually-hidden">${t.invitations.listTitle}</h2>
        <div class="toolbar">
          <div class="field">
            <label for="state">${t.invitations.stateLabel}</label>
            <select id="state" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.stateFilter}>${t.invitations.allStates}</option>
              ${INVITATION_STATES.map(
                (s) => html`<option value=${s} ?selected=${s === this.stateFilter}>${t.invitations.states[s]}</option>`,
              )}
            </select>
          </div>
        </div>
        ${this.renderPaged(this.list, this.stateFilter ? t.invitations.emptyFiltered : t.invitations.empty, (items) =>
          this.renderTable(items),
        )}
      </section>`;
  }

  private renderUpload(): TemplateResult {
    const { t } = this.l10n;
    const result = this.result;
    return html`<section class="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">${t.invitations.uploadTitle}</h2>
      <div
        class="drop ${this.dragging ? 'over' : ''}"
        @dragover=${this.onDragOver}
        @dragenter=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <p class="help" id="csv-help"><code>${ORDER_CSV_COLUMNS.join(',')}</code><br />${t.invitations.uploadHelp}</p>
        <div class="row">
          <label for="csv">${t.invitations.chooseFile}</label>
          <input
            id="csv"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-help"
            ?disabled=${this.uploading}
            @change=${this.onFile}
          />
          <span class="muted">${t.invitations.drop}</span>
        </div>
      </div>
      <div class="stack upload-result">
        ${this.uploading ? html`<p role="status">${t.invitations.uploading}</p>` : nothing}
        ${this.uploadError ? html`<p class="error-text" role="alert">${this.uploadError}</p>` : nothing}
        ${
          result
            ? html`<p class="banner ${result.problems.length ? 'warning' : 'success'}">
                  ${this.l10n.count(t.invitations.uploaded, result.accepted)}
                  ${result.skipped ? this.l10n.count(t.invitations.skipped, result.skipped) : nothing}
                </p>
                ${result.problems.length ? this.renderProblems(result) : nothing}`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderProblems(result: OrderUploadResult): TemplateResult {
    const { t } = this.l10n;
    return html`<div class="scroll" tabindex="0">
      <table class="problems">
        <caption class="label">
          ${this.l10n.count(t.invitations.problemsTitle, result.problems.length)}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="number">${t.invitations.row}</th>
            <th scope="col">${t.invitations.column}</th>
            <th scope="col">${t.invitations.problem}</th>
          </tr>
        </thead>
        <tbody>
          ${result.problems.map(
            (problem) =>
              html`<tr>
                <td class="number">${this.l10n.number(problem.row)}</td>
                <td>${problem.field ? html`<code>${problem.field}</code>` : t.invitations.wholeRow}</td>
                <td>${t.invitations.problemCodes[problem.problem] ?? problem.problem}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderGlance(): unknown {
    const { t } = this.l10n;
    const l10n = this.l10n;
    return html`<section class="panel" aria-labelledby="glance-title">
      <h2 id="glance-title">${t.invitations.glance}</h2>
      ${this.renderTask(
        this.glance,
        (glance) =>
          html`<dl class="glance">
            <div>
              <dt>${t.invitations.invitedShare}</dt>
              <dd>${glance.invitedShare === null ? t.insights.noValue : l10n.percent(glance.invitedShare)}</dd>
            </div>
            <div>
              <dt>${t.invitations.optedOut}</dt>
              <dd>${l10n.number(glance.optedOut)}</dd>
            </div>
            <div>
              <dt>${t.invitations.failedCount}</dt>
              <dd>${l10n.number(glance.failed)}</dd>
            </div>
          </dl>`,
        1,
      )}
    </section>`;
  }

  private renderTable(items: AdminInvitation[]): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const date = (iso: string | null | undefined, message: (when: string) => string) =>
      iso ? html`<span>${message(l10n.date(iso))}</span>` : nothing;
    return html`<div class="scroll" tabindex="0">
      <table class="invitations">
        <thead>
          <tr>
            <th scope="col">${t.invitations.order}</th>
            <th scope="col">${t.invitations.customer}</th>
            <th scope="col">${t.invitations.stateLabel}</th>
            <th scope="col">${t.invitations.dates}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (invitation) =>
              html`<tr data-id=${invitation.id}>
                <td>
                  <code>${invitation.orderRef}</code
                  >${invitation.product ? html`<br /><span class="muted">${invitation.product}</span>` : nothing}
                </td>
                <td>
                  ${invitation.customerName ? html`<span dir="auto">${invitation.customerName}</span><br />` : nothing}
                  <span class="muted">${invitation.email}</span>
                </td>
                <td>
                  <span
                    class="badge ${invitation.state === 'failed' ? 'danger' : invitation.state === 'reviewed' ? 'ok' : ''}"
                    >${t.invitations.states[invitation.state]}</span
                  >
                  ${
                    invitation.lastError
                      ? html`<p class="error-text">
                          <span class="label">${t.invitations.lastError}:</span> ${invitation.lastError}
                        </p>`
                      : nothing
                  }
                </td>
                <td>
                  <div class="dates">
                    <span>${around(t.invitations.created, when(invitation.createdAt, l10n))}</span>
                    ${invitation.state === 'scheduled' ? date(invitation.scheduledFor, t.invitations.scheduledFor) : nothing}
                    ${date(invitation.sentAt, t.invitations.sentAt)}
                    ${date(invitation.remindedAt, t.invitations.remindedAt)}
                    ${date(invitation.reviewedAt, t.invitations.reviewedAt)}
                    ${date(invitation.expiresAt, t.invitations.expiresAt)}
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-invitations': VerityDashInvitations;
  }
}

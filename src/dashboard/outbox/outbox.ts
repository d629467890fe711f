import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { OUTBOX_STATES } from '../provisional.js';
import type { OutboxMessage } from '../provisional.js';
import { optionOf } from '../router.js';
import { DashboardScreen } from '../screen.js';
import { when } from '../ui/review-parts.js';
import { emailSrcdoc } from './email-frame.js';

/**
 * The e-mails sent, or held in the outbox when no mail server is set up, as the customer sees
 * them: subject, recipient and state, the text part as text, and the HTML part in a sealed frame
 * (see `email-frame.ts`): nothing in an e-mail runs or loads.
 *
 * @customElement verity-dash-outbox
 * @summary The dashboard's outbox.
 */
export class VerityDashOutbox extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    css`
      .mailbox {
        display: grid;
        gap: 1rem;
        grid-template-columns: minmax(0, 1fr);
      }

      @media (min-width: 70rem) {
        .mailbox {
          grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
          align-items: start;
        }
      }

      .messages {
        gap: 0.35rem;
      }

      .message-button {
        display: grid;
        gap: 0.15rem;
        width: 100%;
        min-height: 44px;
        padding: 0.6rem 0.75rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface);
        color: var(--text);
        font: inherit;
        text-align: start;
        cursor: pointer;
      }

      .message-button[aria-current='true'] {
        border-color: var(--link);
        box-shadow: inset 3px 0 0 var(--link);
      }

      .message-button .subject {
        font-weight: 600;
        overflow-wrap: anywhere;
      }

      .text-part {
        margin: 0;
        padding: 0.75rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--page);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      /* Where the e-mail's colour scheme is the frame's, the browser leaves its canvas
         transparent and the frame's background is the e-mail's paper. Canvas is that scheme's
         paper: an e-mail for light and dark, with no background of its own, writes in dark mode
         in light text, which on a white frame was white on white. */
      iframe {
        width: 100%;
        height: 32rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: Canvas;
      }
    `,
  ];

  @state() private selectedId?: string;

  private readonly list = this.paged(
    ([api, business], cursor, signal) => api.outbox(business, { cursor, limit: 20 }, { signal }),
    () => [this.api, this.business] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.outbox;
  }

  private stateLabel(value: string): string {
    const state = optionOf(OUTBOX_STATES, value);
    return state ? this.l10n.t.outbox.states[state] : value;
  }

  private async open(message: OutboxMessage): Promise<void> {
    this.selectedId = message.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#reader-title')?.focus();
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`<p class="intro">${t.outbox.intro}</p>
      ${this.renderPaged(this.list, t.outbox.empty, (items) => {
        const selected = items.find((m) => m.id === this.selectedId);
        return html`<div class="mailbox">
          <section aria-labelledby="messages-title">
            <h2 id="messages-title" class="visually-hidden">${t.outbox.messages}</h2>
            <ul class="plain messages">
              ${items.map((message) => this.renderItem(message))}
            </ul>
          </section>
          ${selected ? this.renderReader(selected) : html`<p class="state">${t.outbox.choose}</p>`}
        </div>`;
      })}`;
  }

  private renderItem(message: OutboxMessage): TemplateResult {
    const { t } = this.l10n;
    return html`<li>
      <button
        class="message-button"
        type="button"
        aria-current=${message.id === this.selectedId ? 'true' : 'false'}
        aria-controls=${this.selectedId ? 'reader' : nothing}
        @click=${() => this.open(message)}
      >
        <span class="subject" dir="auto">${message.subject}</span>
        <span class="muted">${t.outbox.to}: ${message.to}</span>
        <span class="muted">${this.stateLabel(message.state)} · ${when(message.createdAt, this.l10n)}</span>
      </button>
    </li>`;
  }

  private renderReader(message: OutboxMessage): TemplateResult {
    const { t } = this.l10n;
    const title = t.outbox.frameTitle(message.subject);
    // The server's own address for the HTML part if it has one, else the sealed srcdoc.
    const srcdoc = message.html === null || message.htmlUrl ? undefined : emailSrcdoc(message.html);
    const frame =
      message.html === null
        ? undefined
        : message.htmlUrl
          ? html`<iframe sandbox="" referrerpolicy="no-referrer" title=${title} src=${message.htmlUrl}></iframe>`
          : srcdoc === undefined
            ? undefined
            : html`<iframe
                sandbox=""
                referrerpolicy="no-referrer"
                title=${title}
                .srcdoc=${srcdoc as string}
              ></iframe>`;
    return html`<article id="reader" class="panel" aria-labelledby="reader-title">
      <h2 id="reader-title" tabindex="-1" dir="auto">${message.subject}</h2>
      <dl class="facts">
        <dt>${t.outbox.to}</dt>
        <dd>${message.to}</dd>
        <dt>${t.outbox.state}</dt>
        <dd>
          <span class="badge ${message.state === 'failed' ? 'danger' : ''}">${this.stateLabel(message.state)}</span>
          · ${when(message.sentAt ?? message.createdAt, this.l10n)}
        </dd>
      </dl>
      <section aria-labelledby="text-title" class="stack">
        <h3 id="text-title">${t.outbox.text}</h3>
        <pre class="text-part" dir="auto">${message.text}</pre>
      </section>
      <section aria-labelledby="html-title" class="stack">
        <h3 id="html-title">${t.outbox.html}</h3>
        ${
          frame
            ? html`<p class="help">${t.outbox.sealed}</p>
                ${frame}`
            : html`<p class="muted">${t.outbox.noHtml}</p>`
        }
      </section>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-outbox': VerityDashOutbox;
  }
}

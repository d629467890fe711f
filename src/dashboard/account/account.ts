import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Session } from '../../contract/dashboard.js';
import { DashboardSignedOutEvent } from '../events.js';
import { DashboardScreen } from '../screen.js';
import { when } from '../ui/review-parts.js';

/**
 * The member's own sessions (this browser's marked), ending any other one, and signing out.
 *
 * @customElement verity-dash-account
 * @summary The dashboard's account screen.
 * @event verity-dash-signed-out - The member signed out here.
 */
export class VerityDashAccount extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    css`
      .session {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
      }
    `,
  ];

  @state() private ending = new Set<string>();
  @state() private signingOut = false;

  private readonly sessions = this.load(
    ([api], signal) => api.sessions({ signal }),
    () => [this.api] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.account;
  }

  private async end(session: Session): Promise<void> {
    const { t } = this.l10n;
    this.ending = new Set([...this.ending, session.id]);
    try {
      await this.api.endSession(session.id);
      this.sessions.value?.splice(this.sessions.value.indexOf(session), 1);
      this.announce(t.account.ended);
    } catch (error) {
      this.failed(error);
      this.announce(t.account.endFailed);
    } finally {
      this.ending = new Set([...this.ending].filter((id) => id !== session.id));
    }
  }

  private async signOut(): Promise<void> {
    this.signingOut = true;
    try {
      await this.api.signOut();
    } catch (error) {
      this.failed(error);
    } finally {
      this.signingOut = false;
    }
    // Signed out either way: a lost session is as good as an ended one.
    this.dispatchEvent(new DashboardSignedOutEvent());
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`${this.me ? html`<p>${t.signedInAs(this.me.email)}</p>` : nothing}
      <p class="intro">${t.account.intro}</p>
      <section class="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">${t.account.sessions}</h2>
        ${this.renderTask(this.sessions, (sessions) => this.renderSessions(sessions), 2)}
      </section>
      <div class="actions">
        <button class="button" type="button" ?disabled=${this.signingOut} @click=${this.signOut}>${t.signOut}</button>
      </div>`;
  }

  private renderSessions(sessions: Session[]) {
    const { t } = this.l10n;
    const l10n = this.l10n;
    return html`<ul class="plain">
      ${sessions.map((session) => {
        const browser = session.userAgent ?? t.account.unknownBrowser;
        return html`<li class="session" data-session=${session.id}>
          <div>
            <p>
              <strong>${browser}</strong>
              ${session.current ? html` <span class="badge ok">${t.account.thisBrowser}</span>` : nothing}
            </p>
            <p class="muted">
              ${t.account.since(l10n.date(session.createdAt, { dateStyle: 'medium', timeStyle: 'short' }))} ·
              ${when(session.lastSeenAt, l10n)}
            </p>
          </div>
          ${
            session.current
              ? nothing
              : html`<button
                  class="button secondary small"
                  type="button"
                  ?disabled=${this.ending.has(session.id)}
                  @click=${() => this.end(session)}
                >
                  ${t.account.end(browser)}
                </button>`
          }
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-account': VerityDashAccount;
  }
}

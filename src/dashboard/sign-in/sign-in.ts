import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isVerityApiError } from '../../client/errors.js';
import { validateInput } from '../../client/validate.js';
import { signInInputSchema } from '../../contract/dashboard.js';
import { DashboardSignedInEvent } from '../events.js';
import { DashboardScreen } from '../screen.js';

type Phase = 'form' | 'sending' | 'sent' | 'checking' | 'invalid-token' | 'failed';

/**
 * Passwordless sign-in: an e-mail address in, a one-time link out. The answer never says whether
 * the address belongs to a member. A link's `?token=` (taken out of the URL by the shell) is
 * posted here; a used or expired one says so, with the form to ask for a new link.
 *
 * @customElement verity-dash-sign-in
 * @summary The dashboard's sign-in screen.
 * @event verity-dash-signed-in - The link's token was accepted; `me` says who is signed in.
 */
export class VerityDashSignIn extends DashboardScreen {
  /** The token of a sign-in link, to exchange for a session. */
  @property({ attribute: false }) token?: string;

  @state() private phase: Phase = 'form';
  @state() private emailError?: string;
  @state() private rateLimit?: string;
  private exchanged?: string;

  get heading(): string {
    return this.l10n.t.screens['sign-in'];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('token') && this.token && this.token !== this.exchanged) void this.exchange(this.token);
  }

  private async exchange(token: string): Promise<void> {
    this.exchanged = token;
    this.phase = 'checking';
    try {
      const me = await this.api.createSession(token);
      this.dispatchEvent(new DashboardSignedInEvent(me));
    } catch (error) {
      this.phase = isVerityApiError(error) && error.code === 'validation_failed' ? 'invalid-token' : 'failed';
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t } = this.l10n;
    const form = event.target as HTMLFormElement;
    const email = String(new FormData(form).get('email') ?? '').trim();
    const valid = validateInput(signInInputSchema, { email });
    this.rateLimit = undefined;
    if (!valid.success) {
      this.emailError = t.signIn.invalidEmail;
      form.querySelector('input')?.focus();
      return;
    }
    this.emailError = undefined;
    this.phase = 'sending';
    try {
      await this.api.signIn(valid.data.email);
      this.phase = 'sent';
    } catch (error) {
      this.phase = 'form';
      if (isVerityApiError(error) && error.code === 'rate_limited') {
        this.rateLimit =
          error.retryAfter === undefined
            ? t.signIn.tooManySoon
            : t.signIn.tooMany(this.l10n.relative(new Date(Date.now() + error.retryAfter * 1000)));
      } else if (isVerityApiError(error) && error.code === 'validation_failed') {
        this.emailError = t.signIn.invalidEmail;
      } else {
        this.phase = 'failed';
      }
    }
  }

  protected renderContent() {
    const { t } = this.l10n;
    if (this.phase === 'checking') return html`<p class="panel" role="status">${t.signIn.checking}</p>`;
    return html`<div class="panel">
      ${this.phase === 'invalid-token' ? html`<p class="banner warning" role="alert">${t.signIn.invalidToken}</p>` : nothing}
      ${this.phase === 'failed' ? html`<p class="banner warning" role="alert">${t.signIn.failed}</p>` : nothing}
      <p class="intro">${t.signIn.intro}</p>
      <form class="stack" novalidate @submit=${this.submit}>
        <div class="field">
          <label for="email">${t.signIn.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            inputmode="email"
            required
            aria-invalid=${this.emailError ? 'true' : 'false'}
            aria-describedby=${this.emailError ? 'email-error' : nothing}
          />
          ${this.emailError ? html`<p id="email-error" class="field-error">${this.emailError}</p>` : nothing}
        </div>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.phase === 'sending'}>
            ${this.phase === 'sending' ? t.signIn.sending : t.signIn.submit}
          </button>
        </div>
        <div role="status">
          ${this.phase === 'sent' ? html`<p class="banner success">${t.signIn.sent}</p>` : nothing}
          ${this.rateLimit ? html`<p class="banner warning">${this.rateLimit}</p>` : nothing}
        </div>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-sign-in': VerityDashSignIn;
  }
}

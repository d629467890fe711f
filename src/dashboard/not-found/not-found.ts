import { html } from 'lit';
import { routeHref } from '../router.js';
import { DashboardScreen } from '../screen.js';

/**
 * @customElement verity-dash-not-found
 * @summary What a dashboard URL that names no screen shows.
 */
export class VerityDashNotFound extends DashboardScreen {
  get heading(): string {
    return this.l10n.t.screens['not-found'];
  }

  protected renderContent() {
    const { t } = this.l10n;
    return html`<div class="state">
      <p>${t.notFound}</p>
      <a href=${routeHref('inbox', { business: this.business || undefined })}>${t.toInbox}</a>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-not-found': VerityDashNotFound;
  }
}

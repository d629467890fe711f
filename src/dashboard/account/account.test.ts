import { expect } from '@open-wc/testing';
import { DEMO_MEMBER_EMAIL } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen, recordApi } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashAccount } from './account.js';

describe('<verity-dash-account>', () => {
  const props = { me: { email: DEMO_MEMBER_EMAIL, memberships: [] } };

  it('lists the sessions with this browser marked, and ends another one', async () => {
    const { el, worker } = await mountScreen<VerityDashAccount>('verity-dash-account', { props });
    const api = recordApi(worker);
    const sessions = $$(el, 'li.session');
    expect(sessions.length).to.equal(3);
    const current = sessions.find((li) => li.dataset.session === 'session-current')!;
    expect(visibleText(current)).to.contain('This browser');
    expect(current.querySelector('button'), 'this one is ended by signing out').to.equal(null);
    await expect(el).to.be.accessible();

    const phone = sessions.find((li) => li.dataset.session === 'session-phone')!;
    const end = phone.querySelector('button')!;
    expect(end.textContent!.trim()).to.equal('End the session in Safari on iPhone');
    end.click();
    await until(() => $$(el, 'li.session').length === 2, 'the session stayed');
    expect(api.sent.find((r) => r.method === 'DELETE')!.path).to.equal('/v1/auth/sessions/session-phone');
    expect($(el, '[role="status"][aria-live]')!.textContent).to.equal('The session was ended.');
    api.stop();
  });

  it('is accessible in the dark theme', async () => {
    const { el } = await mountScreen<VerityDashAccount>('verity-dash-account', { props, dark: true });
    await expect(el).to.be.accessible();
  });
});

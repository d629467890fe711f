import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createDashboardHandlers } from '../../mocks/admin-handlers.js';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, mountScreen, recordApi } from '../../../test/helpers/dashboard.js';
import type { DashboardSignedInEvent } from '../events.js';
import './define.js';
import type { VerityDashSignIn } from './sign-in.js';

const signedOut = () => createDashboardHandlers({ store: new AdminMockStore({ signedIn: false }) });

async function ask(el: VerityDashSignIn, email: string): Promise<void> {
  $<HTMLInputElement>(el, 'input[type="email"]')!.value = email;
  $<HTMLFormElement>(el, 'form')!.requestSubmit();
  await el.updateComplete;
}

describe('<verity-dash-sign-in>', () => {
  it('asks for a link and answers the same whoever asked, light and dark', async () => {
    const { el, worker } = await mountScreen<VerityDashSignIn>('verity-dash-sign-in', { handlers: signedOut() });
    const api = recordApi(worker);
    await expect(el).to.be.accessible();
    await ask(el, 'nobody-here@elsewhere.example');
    await until(
      () => visibleText(el.shadowRoot!).includes('We sent a link if this address belongs to a member.'),
      'no answer',
    );
    expect(api.sent.find((r) => r.method === 'POST')!.path).to.equal('/v1/auth/sign-in');
    const dark = await mountScreen<VerityDashSignIn>('verity-dash-sign-in', { handlers: signedOut(), dark: true });
    await expect(dark.el).to.be.accessible();
    api.stop();
  });

  it('checks the address before asking', async () => {
    const { el, worker } = await mountScreen<VerityDashSignIn>('verity-dash-sign-in', { handlers: signedOut() });
    const api = recordApi(worker);
    await ask(el, 'not an address');
    const input = $(el, 'input[type="email"]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText($(el, '#email-error')!)).to.equal('Enter an e-mail address, like name@example.com.');
    expect(api.sent.filter((r) => r.method === 'POST')).to.have.length(0);
    api.stop();
  });

  it('says when to try again after too many attempts (429)', async () => {
    const { el } = await mountScreen<VerityDashSignIn>('verity-dash-sign-in', {
      handlers: [
        http.post('*/v1/auth/sign-in', () =>
          HttpResponse.json(
            { error: { code: 'rate_limited', message: 'Slow down' } },
            { status: 429, headers: { 'retry-after': '120' } },
          ),
        ),
        ...signedOut(),
      ],
    });
    await ask(el, 'owner@nordlys.example');
    await until(() => visibleText(el.shadowRoot!).includes('Too many attempts.'), 'no message');
    expect(visibleText(el.shadowRoot!)).to.contain('Too many attempts. Try again in 2 minutes.');
  });

  it('exchanges a link’s token for a session and says who signed in', async () => {
    const signedIn = new Promise<DashboardSignedInEvent>((resolve) =>
      document.addEventListener('verity-dash-signed-in', resolve, { once: true }),
    );
    const { el } = await mountScreen<VerityDashSignIn>('verity-dash-sign-in', {
      handlers: signedOut(),
      props: { token: 'demo-sign-in-token-0001' },
    });
    expect((await signedIn).me.email).to.equal('owner@nordlys.example');
    expect(el.isConnected).to.equal(true);
  });
});

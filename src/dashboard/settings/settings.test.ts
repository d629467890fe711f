import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createDashboardHandlers } from '../../mocks/admin-handlers.js';
import { AdminMockStore, DEMO_MEMBER_EMAIL } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen, recordApi } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashSettings } from './settings.js';

const me = {
  email: DEMO_MEMBER_EMAIL,
  memberships: [{ business: { id: 'nordlys', name: 'Nordlys Kaffe' }, role: 'owner' as const }],
};
const mount = (store = new AdminMockStore(), dark = false) =>
  mountScreen<VerityDashSettings>('verity-dash-settings', { store, props: { me }, dark });
const posts = (sent: ReturnType<typeof recordApi>['sent']) => sent.filter((r) => r.method !== 'GET');

describe('<verity-dash-settings>', () => {
  it('shows every setting, and is accessible light and dark', async () => {
    const { el } = await mount();
    expect($<HTMLInputElement>(el, '#delayDays')!.value).to.equal('7');
    expect($<HTMLTextAreaElement>(el, '#verificationText')!.value).to.contain('We invite every customer');
    expect($$(el, '.origins li').map((li) => li.querySelector('code')!.textContent)).to.deep.equal([
      'https://nordlys.example',
      'https://shop.nordlys.example',
    ]);
    expect(visibleText(el.shadowRoot!)).to.contain('A secret is set.');
    await expect(el).to.be.accessible();
    const dark = await mount(new AdminMockStore(), true);
    await expect(dark.el).to.be.accessible();
  });

  it('validates the invitation timing before saving, then saves it', async () => {
    const store = new AdminMockStore();
    const { el, worker } = await mount(store);
    const api = recordApi(worker);
    $<HTMLInputElement>(el, '#delayDays')!.value = '400';
    $<HTMLFormElement>(el, 'form[data-form="timing"]')!.requestSubmit();
    await el.updateComplete;
    expect($(el, '#delayDays')!.getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText($(el, '#timing-delayDays-error')!)).to.equal('Enter a whole number from 0 to 365.');
    expect($(el, '#delayDays')!.getAttribute('aria-describedby')).to.contain('timing-delayDays-error');
    expect(posts(api.sent)).to.have.length(0);

    $<HTMLInputElement>(el, '#delayDays')!.value = '14';
    $<HTMLInputElement>(el, 'input[name="reminder"]')!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form[data-form="timing"]')!.requestSubmit();
    await until(() => posts(api.sent)[0]?.body, 'nothing sent');
    expect(posts(api.sent)[0]!.method).to.equal('PATCH');
    expect(posts(api.sent)[0]!.body).to.deep.equal({
      invitations: { delayDays: 14, reminderAfterDays: null, expiresAfterDays: 60 },
    });
    await until(() => visibleText(el.shadowRoot!).includes('Saved.'), 'not saved');
    api.stop();
  });

  it('picks the language of invitations whose order names none, and saves it', async () => {
    const store = new AdminMockStore();
    const { el, worker } = await mount(store);
    const api = recordApi(worker);
    const select = $<HTMLSelectElement>(el, '#defaultInvitationLocale')!;
    expect(visibleText($(el, 'label[for="defaultInvitationLocale"]')!)).to.equal('Default language for invitations');
    expect(select.getAttribute('aria-describedby')).to.equal('language-help');
    expect(visibleText($(el, '#language-help')!)).to.contain('WooCommerce’s orders and CSV files');
    expect(select.value, 'the demo shop is Swedish').to.equal('sv');
    expect([...select.options].map((o) => [o.value, o.textContent!.trim()])).to.deep.equal([
      ['en', 'English'],
      ['sv', 'Swedish'],
      ['cs', 'Czech'],
      ['de', 'German'],
    ]);
    await expect(el).to.be.accessible();

    select.value = 'de';
    $<HTMLFormElement>(el, 'form[data-form="language"]')!.requestSubmit();
    await until(() => posts(api.sent)[0]?.body, 'nothing sent');
    expect(posts(api.sent)[0]!.method).to.equal('PATCH');
    expect(posts(api.sent)[0]!.path).to.equal('/v1/admin/businesses/nordlys');
    expect(posts(api.sent)[0]!.body).to.deep.equal({ defaultInvitationLocale: 'de' });
    await until(() => visibleText($(el, '[aria-labelledby="language-title"]')!).includes('Saved.'), 'not saved');
    expect(posts(api.sent)).to.have.length(1);
    api.stop();

    // Opened again, the screen shows what the API keeps.
    const again = await mount(store);
    expect($<HTMLSelectElement>(again.el, '#defaultInvitationLocale')!.value).to.equal('de');
  });

  it('names the invitation language in every language of the dashboard', async () => {
    const expected = {
      sv: ['Standardspråk för inbjudningar', 'Engelska', 'Svenska', 'Tjeckiska', 'Tyska'],
      cs: ['Výchozí jazyk pozvánek', 'Angličtina', 'Švédština', 'Čeština', 'Němčina'],
      de: ['Standardsprache für Einladungen', 'Englisch', 'Schwedisch', 'Tschechisch', 'Deutsch'],
    };
    for (const [locale, [label, ...options]] of Object.entries(expected)) {
      const { el } = await mountScreen<VerityDashSettings>('verity-dash-settings', { locale, props: { me } });
      await until(
        () => visibleText($(el, 'label[for="defaultInvitationLocale"]')!) === label,
        `not labelled in ${locale}`,
      );
      const select = $<HTMLSelectElement>(el, '#defaultInvitationLocale')!;
      expect(
        [...select.options].map((o) => o.textContent!.trim()),
        locale,
      ).to.deep.equal(options);
      await expect(el).to.be.accessible();
    }
  });

  it('shows what the API refused about the language next to the select', async () => {
    const store = new AdminMockStore();
    const { el } = await mountScreen<VerityDashSettings>('verity-dash-settings', {
      store,
      props: { me },
      handlers: [
        http.patch('*/v1/admin/businesses/:business', () =>
          HttpResponse.json(
            {
              error: {
                code: 'validation_failed',
                message: 'The request has invalid fields',
                fields: { defaultInvitationLocale: 'invalid' },
              },
            },
            { status: 400 },
          ),
        ),
        ...createDashboardHandlers({ store }),
      ],
    });
    const select = $<HTMLSelectElement>(el, '#defaultInvitationLocale')!;
    select.value = 'cs';
    $<HTMLFormElement>(el, 'form[data-form="language"]')!.requestSubmit();
    await until(() => $(el, '#language-defaultInvitationLocale-error'), 'no error shown');
    expect(visibleText($(el, '#language-defaultInvitationLocale-error')!)).to.equal('This is not valid.');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.getAttribute('aria-describedby')).to.equal('language-help language-defaultInvitationLocale-error');
    expect(visibleText($(el, '[aria-labelledby="language-title"]')!)).to.contain('could not be saved');
    await expect(el).to.be.accessible();
  });

  it('adds and removes allowed origins, refusing one with a path', async () => {
    const { el, worker } = await mount();
    const api = recordApi(worker);
    const input = $<HTMLInputElement>(el, '#origin')!;
    input.value = 'https://shop.example/reviews';
    input.closest('form')!.requestSubmit();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText($(el, '#origin-error')!)).to.contain('with no path');
    input.value = 'https://nordlys.example/';
    input.closest('form')!.requestSubmit();
    await el.updateComplete;
    expect(visibleText($(el, '#origin-error')!)).to.equal('This origin is in the list already.');
    expect(posts(api.sent)).to.have.length(0);

    input.value = 'https://Popup.Nordlys.example';
    input.closest('form')!.requestSubmit();
    await until(() => $$(el, '.origins li').length === 3, 'not added');
    expect(posts(api.sent)[0]!.body).to.deep.equal({
      allowedOrigins: ['https://nordlys.example', 'https://shop.nordlys.example', 'https://popup.nordlys.example'],
    });
    $$<HTMLButtonElement>(el, '.origins li button')[0]!.click();
    await until(() => $$(el, '.origins li').length === 2, 'not removed');
    api.stop();
  });

  it('makes a new webhook secret after a warning, and shows it only this once', async () => {
    const store = new AdminMockStore();
    const { el } = await mount(store);
    $<HTMLButtonElement>(el, 'button.new-secret')!.click();
    await el.updateComplete;
    expect(visibleText(el.shadowRoot!)).to.contain('The current secret stops working at once');
    $<HTMLButtonElement>(el, 'button.confirm-secret')!.click();
    await until(() => $(el, '.secret'), 'no secret shown');
    const secret = $<HTMLInputElement>(el, '.secret')!.value;
    expect(secret).to.match(/^whsec_[0-9a-f]{48}$/);
    expect(visibleText(el.shadowRoot!)).to.contain('it is shown only this once');

    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    try {
      $<HTMLButtonElement>(el, 'button.copy-secret')!.click();
      await until(() => writes.length === 1, 'not copied');
      expect(writes[0]).to.equal(secret);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }

    // Opened again, the screen knows only that a secret is set.
    const again = await mount(store);
    expect($(again.el, '.secret')).to.equal(null);
    expect(visibleText(again.el.shadowRoot!)).to.not.contain(secret);
    expect(visibleText(again.el.shadowRoot!)).to.contain('A secret is set.');
  });

  it('adds a member with a role, changes a role, removes one, and keeps the last owner', async () => {
    const { el, worker } = await mount();
    const api = recordApi(worker);
    const own = $$(el, 'table.members tbody tr').find((tr) => visibleText(tr).includes(DEMO_MEMBER_EMAIL))!;
    expect(own.querySelector('select')!.disabled, 'the only owner cannot step down').to.equal(true);
    expect(own.querySelector<HTMLButtonElement>('button.remove')!.disabled).to.equal(true);
    expect(visibleText(el.shadowRoot!)).to.contain('You are the only owner');

    const email = $<HTMLInputElement>(el, '#member-email')!;
    email.value = 'not an address';
    email.closest('form')!.requestSubmit();
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    email.value = 'roaster@nordlys.example';
    $<HTMLSelectElement>(el, '#member-role')!.value = 'owner';
    email.closest('form')!.requestSubmit();
    await until(() => $$(el, 'table.members tbody tr').length === 4, 'not added');
    expect(posts(api.sent)[0]!.body).to.deep.equal({ email: 'roaster@nordlys.example', role: 'owner' });
    await until(() => !own.querySelector('select')!.disabled, 'a second owner frees the first');

    const barista = $$(el, 'table.members tbody tr').find((tr) => visibleText(tr).includes('barista@'))!;
    const role = barista.querySelector('select')!;
    role.value = 'owner';
    role.dispatchEvent(new Event('change'));
    await until(() => posts(api.sent).some((r) => r.method === 'PATCH'), 'no role change sent');
    barista.querySelector<HTMLButtonElement>('button.remove')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button.confirm-remove')!.click();
    await until(() => !visibleText(el.shadowRoot!.querySelector('table.members')!).includes('barista@'), 'not removed');
    expect(posts(api.sent).some((r) => r.method === 'DELETE' && r.path.endsWith('/members/member-barista'))).to.equal(
      true,
    );
    api.stop();
  });

  it('tells a moderator it is for owners, and asks the API nothing', async () => {
    const store = new AdminMockStore({ role: 'moderator' });
    const { el, worker } = await mountScreen<VerityDashSettings>('verity-dash-settings', {
      store,
      role: 'moderator',
      props: { me },
    });
    const api = recordApi(worker);
    expect(visibleText(el.shadowRoot!)).to.contain('Only the business’s owners can see and change this.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    api.stop();
  });
});

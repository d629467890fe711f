import { expect } from '@open-wc/testing';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen, recordApi, settled } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashInvitations } from './invitations.js';

const CSV = [
  'orderRef,email,purchasedAt,product,customerName,locale',
  'NK-900001,anna@mail.example,2026-05-01,,Anna Berg,sv',
  'NK-900002,not-an-address,2026-05-01,,,',
  ',missing@mail.example,yesterday,,,',
].join('\n');

const file = (text: string, name = 'orders.csv') =>
  new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'text/plain' });

describe('<verity-dash-invitations>', () => {
  it('shows the invited share, the counted opt-outs and bounces, and every invitation', async () => {
    const { el } = await mountScreen<VerityDashInvitations>('verity-dash-invitations');
    const glance = visibleText($(el, '.glance')!);
    expect(glance).to.match(/Invited share, 12 months \d+%/);
    expect(glance).to.contain('Opted out 3');
    expect(glance).to.contain('Bounced or failed 2');
    expect($$(el, 'table.invitations tbody tr').length).to.equal(25);
    await expect(el).to.be.accessible();
  });

  it('lists the invitations by state, with the last error of a failed one', async () => {
    const { el, worker } = await mountScreen<VerityDashInvitations>('verity-dash-invitations');
    const api = recordApi(worker);
    const select = $<HTMLSelectElement>(el, '#state')!;
    select.value = 'failed';
    select.dispatchEvent(new Event('change'));
    await until(() => api.sent.some((r) => r.search.get('status') === 'failed'), 'no filter sent');
    await settled(el);
    // The request is seen before its answer is shown: wait for the page to show the failed ones.
    await until(() => $$(el, 'table.invitations tbody tr').length === 2, 'the failed invitations shown');
    const rows = $$(el, 'table.invitations tbody tr');
    expect(visibleText(rows[0]!)).to.contain('Last error: 550 5.1.1');
    api.stop();
  });

  it('uploads a CSV file and shows its problems row by row', async () => {
    const { el, worker } = await mountScreen<VerityDashInvitations>('verity-dash-invitations', {
      store: new AdminMockStore(),
    });
    const api = recordApi(worker);
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    const files = new DataTransfer();
    files.items.add(file(CSV));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await until(() => $(el, 'table.problems'), 'no problems shown');
    const sent = api.sent.find((r) => r.method === 'POST')!;
    expect(sent.contentType).to.equal('text/csv');
    await until(() => sent.body, 'no body');
    expect(sent.body).to.equal(CSV);
    expect(visibleText($(el, '.upload-result .banner')!)).to.contain('1 order added: it gets an invitation.');
    const rows = $$(el, 'table.problems tbody tr').map((tr) => [...tr.children].map((td) => td.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['3', 'email', 'not valid'],
      ['4', 'orderRef', 'missing'],
      ['4', 'purchasedAt', 'not valid'],
    ]);
    await until(
      () => visibleText($(el, 'table.invitations')!).includes('NK-900001'),
      'the new invitation is not listed',
    );
    await expect(el).to.be.accessible();
    api.stop();
  });

  it('takes a file dropped on it, and refuses one that is not CSV', async () => {
    const { el, worker } = await mountScreen<VerityDashInvitations>('verity-dash-invitations', { dark: true });
    const api = recordApi(worker);
    const drop = $(el, '.drop')!;
    const wrong = new DataTransfer();
    wrong.items.add(file('hello', 'notes.txt'));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: wrong, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(visibleText($(el, '.upload-result')!)).to.contain('Choose a .csv file.');
    expect(api.sent.filter((r) => r.method === 'POST')).to.have.length(0);

    const right = new DataTransfer();
    right.items.add(file('orderRef,email,purchasedAt\nNK-900100,dropped@mail.example,2026-06-01'));
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: right, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(drop.classList.contains('over')).to.equal(true);
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: right, bubbles: true, cancelable: true }));
    await until(() => visibleText($(el, '.upload-result')!).includes('1 order added'), 'the drop was not uploaded');
    await expect(el).to.be.accessible();
    api.stop();
  });
});

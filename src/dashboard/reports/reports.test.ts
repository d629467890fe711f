import { expect } from '@open-wc/testing';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen, recordApi, settled } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashReports } from './reports.js';

describe('<verity-dash-reports>', () => {
  it('shows each report: its reason, note, the review, the outcome, and a link to the review', async () => {
    const { el } = await mountScreen<VerityDashReports>('verity-dash-reports');
    const items = $$(el, '.results > li');
    expect(items.length).to.be.greaterThan(5);
    const removed = items.find((li) => visibleText(li).includes('Removed for:'))!;
    expect(removed).to.not.equal(undefined);
    expect(visibleText(removed)).to.match(/Removed for: (Offensive language|Personal data|Not a genuine experience)/);
    const first = items[0]!;
    expect(visibleText(first.querySelector('.report-head')!)).to.match(
      /^(Offensive|Personal data|Not a genuine experience|Spam|Other) /,
    );
    expect(first.querySelector('blockquote .stars')).to.not.equal(null);
    const link = first.querySelector<HTMLAnchorElement>('a')!;
    expect(new URL(link.href).pathname).to.match(/^\/dashboard\/reviews\/nordlys-/);
    await expect(el).to.be.accessible();
  });

  it('filters by outcome', async () => {
    const { el, worker } = await mountScreen<VerityDashReports>('verity-dash-reports');
    const api = recordApi(worker);
    const select = $<HTMLSelectElement>(el, '#outcome')!;
    select.value = 'open';
    select.dispatchEvent(new Event('change'));
    await until(() => api.sent.some((r) => r.search.get('outcome') === 'open'), 'no filter sent');
    await settled(el);
    // The request is seen before its answer is shown: wait for the page to show only open ones.
    const badges = () => $$(el, '.results .report-head .badge').map((b) => b.textContent!.trim());
    await until(() => badges().length > 0 && badges().every((b) => b === 'Open'), 'only open reports shown');
    api.stop();
  });

  it('says when nothing was reported, light and dark', async () => {
    const { el } = await mountScreen<VerityDashReports>('verity-dash-reports', {
      store: new AdminMockStore({ empty: true }),
      dark: true,
    });
    expect(visibleText($(el, '.state')!)).to.equal('No reviews have been reported.');
    await expect(el).to.be.accessible();
  });
});

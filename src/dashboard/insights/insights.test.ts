import { expect } from '@open-wc/testing';
import type { Insights } from '../../contract/dashboard.js';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashInsights } from './insights.js';

const figure = (el: VerityDashInsights, id: string) => $(el, `figure[data-chart="${id}"]`)!;
const cells = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()));

describe('<verity-dash-insights>', () => {
  it('draws each chart as an image with a spoken summary, and its table has the same numbers', async () => {
    const store = new AdminMockStore();
    const insights = store.insights('nordlys').body as Insights;
    const { el } = await mountScreen<VerityDashInsights>('verity-dash-insights', { store });
    for (const id of ['score', 'distribution', 'volume', 'orders']) {
      const svg = figure(el, id).querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')!.length).to.be.greaterThan(10);
    }

    const score = cells(figure(el, 'score').querySelector('table')!);
    expect(score.length).to.equal(12);
    expect(score.map((row) => row[1])).to.deep.equal(
      insights.months.map((m) => (m.average === null ? 'no score' : m.average.toFixed(2).replace(/0$/, ''))),
    );
    expect($$(el, 'figure[data-chart="score"] circle').length).to.equal(
      insights.months.filter((m) => m.average !== null).length,
    );

    const distribution = cells(figure(el, 'distribution').querySelector('table')!);
    expect(distribution.map((row) => Number(row[1]!.replace(/\D/g, '')))).to.deep.equal(
      [5, 4, 3, 2, 1].map((s) => insights.distribution[String(s) as '1']),
    );
    const bars = [...figure(el, 'distribution').querySelectorAll('svg text.value')].map((t) => Number(t.textContent));
    expect(bars).to.deep.equal(distribution.map((row) => Number(row[1]!.replace(/\D/g, ''))));

    const volume = cells(figure(el, 'volume').querySelector('table')!);
    expect(volume.map((row) => [Number(row[1]), Number(row[2])])).to.deep.equal(
      insights.months.map((m) => [m.published, m.verified]),
    );
    const total = insights.months.reduce((sum, m) => sum + m.published, 0);
    expect(figure(el, 'volume').querySelector('svg')!.getAttribute('aria-label')).to.contain(
      `${total} reviews published`,
    );

    expect(visibleText($(el, '.tiles')!)).to.contain(`${Math.round(insights.invitedShare! * 100)}%`);
    expect(visibleText($(el, '.tiles')!)).to.contain(String(insights.pending));
    await expect(el).to.be.accessible();
  });

  it('hides each table until "Show as table", and says so', async () => {
    const { el } = await mountScreen<VerityDashInsights>('verity-dash-insights');
    const toggle = figure(el, 'score').querySelector<HTMLButtonElement>('.table-toggle')!;
    const table = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Hide the table');
    expect(table.classList.contains('visually-hidden')).to.equal(false);
    expect(table.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
  });

  it('shows no made-up numbers without data, in the dark theme too', async () => {
    const { el } = await mountScreen<VerityDashInsights>('verity-dash-insights', {
      store: new AdminMockStore({ empty: true }),
      dark: true,
    });
    expect(figure(el, 'score').querySelector('svg')!.getAttribute('aria-label')).to.equal(
      'No score in any month: no verified reviews.',
    );
    expect($$(el, 'figure[data-chart="score"] circle').length).to.equal(0);
    await until(() => visibleText($(el, '.tiles')!).includes('–'), 'no dash for a missing share');
    await expect(el).to.be.accessible();
  });

  it('speaks Czech plurals and numbers', async () => {
    const { el } = await mountScreen<VerityDashInsights>('verity-dash-insights', { locale: 'cs' });
    await until(() => visibleText(el.shadowRoot!).includes('Hodnocení měsíc po měsíci'), 'not in Czech');
    expect(figure(el, 'volume').querySelector('svg')!.getAttribute('aria-label')).to.match(
      /recenzí zveřejněných za 12 měsíců/,
    );
  });
});

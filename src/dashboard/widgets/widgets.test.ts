import { expect } from '@open-wc/testing';
import { DEMO_PRODUCTS } from '../../mocks/fixtures.js';
import { until } from '../../../test/helpers/events.js';
import { $, $$, mountScreen } from '../../../test/helpers/dashboard.js';
import './define.js';
import type { VerityDashWidgets } from './widgets.js';

function clipboard(): { writes: string[]; restore: () => void } {
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void writes.push(text) },
  });
  return { writes, restore: () => delete (navigator as { clipboard?: unknown }).clipboard };
}

const status = (el: VerityDashWidgets) => $(el, '[role="status"][aria-live]')!.textContent!.trim();

describe('<verity-dash-widgets>', () => {
  it('gives the script tag and each widget tag for this business, with live previews of the real widgets', async () => {
    const { el } = await mountScreen<VerityDashWidgets>('verity-dash-widgets');
    expect($<HTMLTextAreaElement>(el, '#code-script')!.value).to.equal(
      `<script src="${location.origin}/cdn/verity.js" data-api="${location.origin}" data-business="nordlys" defer></script>`,
    );
    expect($<HTMLTextAreaElement>(el, '#code-badge')!.value).to.equal(
      '<verity-rating-badge href="/reviews"></verity-rating-badge>',
    );
    const badge = $(el, '[data-kind="badge"] verity-rating-badge')!;
    expect(customElements.get('verity-rating-badge')).to.not.equal(undefined);
    await until(() => badge.shadowRoot?.querySelector('.average'), 'the badge preview did not load');
    expect(badge.getAttribute('api')).to.equal(location.origin);
    await until(() => $(el, '[data-kind="quote"] verity-review-quote'), 'no quote preview');
    await expect(el).to.be.accessible();
  });

  it('makes product widgets from a SKU', async () => {
    const { el } = await mountScreen<VerityDashWidgets>('verity-dash-widgets');
    const input = $<HTMLInputElement>(el, '#product')!;
    input.value = DEMO_PRODUCTS.espresso;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#code-list')!.value).to.equal(
      `<verity-review-list product="${DEMO_PRODUCTS.espresso}"></verity-review-list>`,
    );
    expect($(el, '[data-kind="list"] verity-review-list')!.getAttribute('product')).to.equal(DEMO_PRODUCTS.espresso);
  });

  it('copies a code with the Clipboard API and says so', async () => {
    const { el } = await mountScreen<VerityDashWidgets>('verity-dash-widgets');
    const board = clipboard();
    try {
      $<HTMLButtonElement>(el, '[data-copy="script"]')!.click();
      await until(() => board.writes.length === 1, 'not copied');
      expect(board.writes[0]).to.equal($<HTMLTextAreaElement>(el, '#code-script')!.value);
      await until(() => status(el) === 'Copied to the clipboard.', 'not announced');
    } finally {
      board.restore();
    }
  });

  it('falls back to copying the selected text when the Clipboard API is refused', async () => {
    const { el } = await mountScreen<VerityDashWidgets>('verity-dash-widgets', { dark: true });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Not allowed', 'NotAllowedError')) },
    });
    const execCommand = document.execCommand;
    const copied: string[] = [];
    document.execCommand = (command: string) => {
      const field = el.shadowRoot!.activeElement as HTMLTextAreaElement;
      if (command === 'copy') copied.push(field.value.slice(field.selectionStart, field.selectionEnd));
      return true;
    };
    try {
      $<HTMLButtonElement>(el, '[data-copy="form"]')!.click();
      await until(() => copied.length === 1, 'no fallback');
      expect(copied[0]).to.equal('<verity-review-form></verity-review-form>');
      await until(() => status(el) === 'Copied to the clipboard.', 'not announced');
      await expect(el).to.be.accessible();
    } finally {
      document.execCommand = execCommand;
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('lists a copy button for every code', async () => {
    const { el } = await mountScreen<VerityDashWidgets>('verity-dash-widgets');
    expect($$(el, 'button.copy').map((b) => b.dataset.copy)).to.deep.equal([
      'script',
      'badge',
      'compact',
      'list',
      'quote',
      'form',
    ]);
  });
});

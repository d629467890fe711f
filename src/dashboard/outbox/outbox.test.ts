import { expect } from '@open-wc/testing';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen } from '../../../test/helpers/dashboard.js';
import { EMAIL_CSP_META } from './email-frame.js';
import './define.js';
import type { VerityDashOutbox } from './outbox.js';

async function open(el: VerityDashOutbox, subject: RegExp): Promise<HTMLElement> {
  $$<HTMLButtonElement>(el, '.message-button')
    .find((b) => subject.test(b.textContent!))!
    .click();
  await until(() => $(el, '#reader'), 'no message open');
  return $(el, '#reader')!;
}

describe('<verity-dash-outbox>', () => {
  it('lists the messages with subject, recipient and state, and is accessible', async () => {
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox');
    const first = $$(el, '.message-button')[0]!;
    expect(visibleText(first)).to.match(/Nordlys Kaffe.*To: .+@mail\.example.*Held/);
    await expect(el).to.be.accessible();
  });

  it('shows a message as the customer saw it: the text as text, the HTML in a sealed frame', async () => {
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox');
    const reader = await open(el, /Hostile test message/);
    const title = document.title;
    expect(reader.querySelector('h2')!.textContent).to.contain('<script>alert("subject")</script>');
    expect(reader.querySelector('pre')!.textContent).to.contain('<b>tags</b>');
    expect(reader.querySelectorAll('b, script').length).to.equal(0);

    const frame = reader.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.equal('');
    expect(frame.sandbox.contains('allow-scripts')).to.equal(false);
    expect(frame.sandbox.contains('allow-same-origin')).to.equal(false);
    expect(frame.srcdoc.startsWith(EMAIL_CSP_META)).to.equal(true);
    expect(EMAIL_CSP_META).to.equal(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(frame.srcdoc).to.contain('<script>alert(');
    expect(frame.title).to.contain('Hostile test message');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // An opaque origin: the page cannot reach into it, and its script never ran.
    expect(frame.contentDocument).to.equal(null);
    expect(document.title).to.equal(title);
    await expect(el).to.be.accessible();
  });

  it('reads another message, light and dark', async () => {
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox', { dark: true });
    const reader = await open(el, /Hur var din beställning/);
    expect(reader.querySelector('pre')!.textContent).to.contain('Skriv ett omdöme');
    expect(reader.querySelector('iframe')!.srcdoc).to.contain('Omdömen publiceras oavsett betyg');
    await expect(el).to.be.accessible();
  });

  it('says when the outbox is empty', async () => {
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox', {
      store: new AdminMockStore({ empty: true }),
    });
    expect(visibleText($(el, '.state')!)).to.equal('The outbox is empty.');
  });
});

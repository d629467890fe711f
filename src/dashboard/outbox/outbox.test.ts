import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createDashboardHandlers } from '../../mocks/admin-handlers.js';
import { AdminMockStore } from '../../mocks/admin-store.js';
import { until, visibleText } from '../../../test/helpers/events.js';
import { $, $$, mountScreen } from '../../../test/helpers/dashboard.js';
import { EMAIL_CSP_META } from './email-frame.js';
import './define.js';
import type { VerityDashOutbox } from './outbox.js';

/**
 * How light the paper behind a frame's document is, 0 to 1: where the e-mail's colour scheme is the
 * frame's, its canvas is transparent and this is what its text stands on.
 */
function backdrop(frame: HTMLIFrameElement): number {
  const [r, g, b] = getComputedStyle(frame)
    .backgroundColor.match(/[\d.]+/g)!
    .map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

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
    expect(backdrop(frame)).to.be.above(0.8);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // An opaque origin: the page cannot reach into it, and its script never ran.
    expect(frame.contentDocument).to.equal(null);
    expect(document.title).to.equal(title);
    await expect(el).to.be.accessible();
  });

  it("loads the HTML from the server's own address when it has one, so the e-mail keeps its styles", async () => {
    const message = (htmlUrl: string, subject: string) => ({
      id: String(subject.length),
      kind: 'invitation',
      invitationId: '1',
      orderRef: 'A-1',
      to: 'anna@mail.example',
      locale: 'en',
      subject,
      text: 'Hello Anna',
      html: '<p style="margin:0">Hello Anna</p>',
      htmlUrl,
      headers: {},
      status: 'sent',
      attempts: 1,
      lastError: null,
      createdAt: '2026-11-30T10:00:00.000Z',
      sentAt: '2026-11-30T10:00:01.000Z',
    });
    const own = '/v1/admin/businesses/nordlys/outbox/7/html';
    const page = {
      items: [message(own, 'Served styled'), message('https://evil.example/track.html', 'Elsewhere')],
      nextCursor: null,
      total: 2,
    };
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox', {
      handlers: [
        http.get('*/v1/admin/businesses/:b/outbox', () => HttpResponse.json(page)),
        ...createDashboardHandlers({ store: new AdminMockStore() }),
      ],
    });
    const served = (await open(el, /Served styled/)).querySelector('iframe')!;
    expect(new URL(served.src).pathname).to.equal(own);
    expect(served.hasAttribute('srcdoc')).to.equal(false);
    expect(served.getAttribute('sandbox')).to.equal('');
    expect(served.getAttribute('referrerpolicy')).to.equal('no-referrer');
    await expect(el).to.be.accessible();

    // An address that is not the admin API's is never loaded: the sealed srcdoc instead.
    const sealed = (await open(el, /Elsewhere/)).querySelector('iframe')!;
    expect(sealed.hasAttribute('src')).to.equal(false);
    expect(sealed.srcdoc.startsWith(EMAIL_CSP_META)).to.equal(true);
  });

  it('reads another message, light and dark', async () => {
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox', { dark: true });
    const reader = await open(el, /Hur var din beställning/);
    expect(reader.querySelector('pre')!.textContent).to.contain('Skriv ett omdöme');
    expect(reader.querySelector('iframe')!.srcdoc).to.contain('Omdömen publiceras oavsett betyg');
    // An e-mail for light and dark writes in light text here: never on white paper.
    expect(backdrop(reader.querySelector('iframe')!)).to.be.below(0.2);
    await expect(el).to.be.accessible();
  });

  it('says when the outbox is empty', async () => {
    const { el } = await mountScreen<VerityDashOutbox>('verity-dash-outbox', {
      store: new AdminMockStore({ empty: true }),
    });
    expect(visibleText($(el, '.state')!)).to.equal('The outbox is empty.');
  });
});

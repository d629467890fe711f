/**
 * The invitation e-mails as rendered, in every language: hostile names stay text, the subject
 * stays one line, the link and the opt-out are in both parts, nothing remote is loaded (R12), and
 * a failed SMTP hand-off is retried only when sending again cannot deliver twice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAIL_LOCALES, mailLocale, renderMessage } from '../../server/mail/messages.js';
import { smtpFailure } from '../../server/mail/mailer.js';

const hostile = '<img src=x onerror=alert(1)> "Bobby" & \'Tables\'';

describe('invitation e-mails', () => {
  for (const locale of Object.keys(MAIL_LOCALES)) {
    for (const kind of ['invitation', 'reminder'] as const) {
      it(`${locale} ${kind}: text and HTML, escaped, one-line subject, no remote content`, () => {
        const message = renderMessage({
          kind,
          locale,
          shop: `Shop\r\nBcc: victim@mail.example ${hostile}`,
          product: kind === 'invitation' ? `Product ${hostile}` : null,
          name: `Name ${hostile}`,
          reviewUrl: 'https://shop.example/review?invitation=abc&x=1',
          optOutUrl: 'https://reviews.example/v1/unsubscribe/xyz',
          expiresAt: new Date('2026-05-01T00:00:00Z'),
        });
        assert.equal(message.locale, locale);
        assert.doesNotMatch(message.subject, /[\r\n]/);
        assert.ok(message.text.includes('https://shop.example/review?invitation=abc&x=1'));
        assert.ok(message.text.includes('https://reviews.example/v1/unsubscribe/xyz'));
        assert.ok(message.html.includes('href="https://shop.example/review?invitation=abc&amp;x=1"'));
        assert.ok(message.html.includes('href="https://reviews.example/v1/unsubscribe/xyz"'));
        assert.ok(message.html.includes('&lt;img src=x onerror=alert(1)&gt; &quot;Bobby&quot; &amp; &#39;Tables&#39;'));
        assert.doesNotMatch(message.html, /<img|<script|onerror=alert\(1\)>/);
        assert.match(message.html, new RegExp(`<html lang="${locale}">`));
        assert.match(message.html, /<meta name="color-scheme" content="light dark">/);
        assert.deepEqual(message.headers['List-Unsubscribe'], '<https://reviews.example/v1/unsubscribe/xyz>');
        assert.equal(message.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      });
    }
  }

  it('speaks the customer’s language when it has it, else English', () => {
    assert.equal(mailLocale('sv-SE'), 'sv');
    assert.equal(mailLocale('de_AT'), 'de');
    assert.equal(mailLocale('CS'), 'cs');
    assert.equal(mailLocale('fi'), 'en');
    assert.equal(mailLocale(null), 'en');
  });

  it('retries a 4xx or a connection that never reached the message; never a 5xx or a cut mid-message', () => {
    assert.deepEqual(smtpFailure({ responseCode: 451, response: '451 4.3.0 later', command: 'RCPT TO' }), {
      retry: true,
      bounce: false,
      answer: '451 4.3.0 later',
    });
    // A refused address is a bounce (R13 excludes it later); a refused message is only a failure.
    assert.deepEqual(smtpFailure({ responseCode: 550, response: '550 5.1.1 no such user', command: 'RCPT TO' }), {
      retry: false,
      bounce: true,
      answer: '550 5.1.1 no such user',
    });
    assert.equal(smtpFailure({ responseCode: 554, response: '554 5.7.1 rejected', command: 'DATA' }).bounce, false);
    assert.equal(smtpFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).retry, true);
    assert.equal(smtpFailure({ code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }).retry, true);
    assert.equal(smtpFailure({ code: 'ESOCKET', command: 'DATA', message: 'socket closed' }).retry, false);
    assert.equal(smtpFailure({ code: 'ETIMEDOUT', message: 'timeout' }).retry, false);
  });
});

/** The automatic R4 flags: what they find, what they leave alone, and that they never read the rating. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moderationFlags } from '../../server/rules/flags.js';

const kinds = (body: string, title: string | null = null, authorName = 'Alex') =>
  moderationFlags({ title, body, authorName }).map((f) => `${f.kind}:${f.match}`);

describe('R4 moderation flags', () => {
  it('finds insults in English, Swedish, Czech and German, whatever the case or diacritics', () => {
    assert.deepEqual(kinds('The manager is an IDIOT.'), ['insult:IDIOT']);
    assert.deepEqual(kinds('Jävla skitstövlar på lagret'), ['insult:Jävla', 'insult:skitstövlar']);
    assert.deepEqual(kinds('Prodavač je debil a kreten'), ['insult:debil', 'insult:kreten']);
    assert.deepEqual(kinds('Was für ein Arschloch, dieser Scheißladen'), ['insult:Arschloch', 'insult:Scheißladen']);
  });

  it('looks at the title and the author name too, and says where it found what', () => {
    const flags = moderationFlags({ title: 'Wankers', body: 'Coffee was fine.', authorName: 'Bob bob@mail.example' });
    assert.deepEqual(
      flags.map((f) => [f.field, f.kind, f.reason]),
      [
        ['title', 'insult', 'offensive'],
        ['authorName', 'email', 'personal_data'],
      ],
    );
  });

  it('leaves ordinary words alone, including ones that contain an insult', () => {
    assert.deepEqual(kinds('Skitbra kaffe! Scunthorpe fans will love the classic roast. Hmm, assessment: fine.'), []);
    assert.deepEqual(kinds('Der Mistral-Röster liefert pünktlich, sehr zu empfehlen.'), []);
  });

  it('finds e-mail addresses, phone numbers, IBANs and card numbers', () => {
    assert.deepEqual(kinds('Write to anna.svensson@example.se about it'), ['email:anna.svensson@example.se']);
    assert.deepEqual(kinds('Call 070-123 45 67 or +46 70 123 45 67'), [
      'phone:070-123 45 67',
      'phone:+46 70 123 45 67',
    ]);
    assert.deepEqual(kinds('Zavolejte na 603 123 456'), ['phone:603 123 456']);
    assert.deepEqual(kinds('Refund to SE45 5000 0000 0583 9825 7466 please'), ['iban:SE45 5000 0000 0583 9825 7466']);
    assert.deepEqual(kinds('IBAN DE89 3704 0044 0532 0130 00.'), ['iban:DE89 3704 0044 0532 0130 00']);
    assert.deepEqual(kinds('They charged my card 4111 1111 1111 1111 twice'), ['card:4111 1111 1111 1111']);
  });

  it('does not take dates, prices, order numbers or invalid check digits for personal data', () => {
    assert.deepEqual(kinds('Ordered 2026-05-01, paid 1 299 kr, order NK-100200, delivered 12.05.2026'), []);
    assert.deepEqual(kinds('Card 4111 1111 1111 1112 is not a valid number'), []);
    assert.deepEqual(kinds('SE45 5000 0000 0583 9825 7467 is not a valid IBAN'), []);
  });

  it('finds nothing in a plain review', () => {
    assert.deepEqual(
      moderationFlags({
        title: 'Lovely beans',
        body: 'Arrived in two days, tasted great. 5 stars.',
        authorName: 'Eva',
      }),
      [],
    );
  });
});

import type { MailTranslation } from './en.js';

export const sv: MailTranslation = {
  $code: 'sv',
  subject: ({ shop, product }) => (product ? `Vad tycker du om ${product}?` : `Hur var din beställning från ${shop}?`),
  reminderSubject: ({ shop }) => `En påminnelse: din recension av ${shop}`,
  greeting: ({ name }) => (name ? `Hej ${name},` : 'Hej,'),
  intro: ({ shop, product }) =>
    product
      ? `Tack för att du köpte ${product} från ${shop}. Vill du berätta för andra kunder vad du tycker?`
      : `Tack för din beställning från ${shop}. Vill du berätta för andra kunder hur det gick?`,
  reminderIntro: ({ shop }) =>
    `För några dagar sedan bad ${shop} dig om en recension. Har du en minut över hjälper din erfarenhet andra kunder att välja.`,
  button: 'Skriv en recension',
  linkLine: 'Eller öppna den här länken:',
  honesty: 'Alla recensioner publiceras oavsett betyg: bra eller dåliga, de hjälper andra.',
  noIncentive: 'Ingen får betalt eller någon belöning för en recension, och du väljer själv om du vill skriva en.',
  expires: (date) => `Länken fungerar en gång, till och med ${date}.`,
  why: ({ shop }) => `Du får det här mejlet eftersom du har handlat hos ${shop}.`,
  unsubscribe: ({ shop }) => `Inga fler recensionsinbjudningar från ${shop}`,
  optOutTitle: 'Recensionsinbjudningar',
  optOutQuestion: (shop) => `Vill du sluta få recensionsinbjudningar från ${shop}?`,
  optOutButton: 'Ja, inga fler inbjudningar',
  optOutDone: (shop) => `Klart: du får inga fler recensionsinbjudningar från ${shop}.`,
  optOutUnknown: 'Länken är okänd. Den kan vara felskriven.',
};

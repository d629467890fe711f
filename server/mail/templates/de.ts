import type { MailTranslation } from './en.js';

export const de: MailTranslation = {
  $code: 'de',
  subject: ({ shop, product }) => (product ? `Wie gefällt Ihnen ${product}?` : `Wie war Ihre Bestellung bei ${shop}?`),
  reminderSubject: ({ shop }) => `Eine Erinnerung: Ihre Bewertung von ${shop}`,
  greeting: ({ name }) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  intro: ({ shop, product }) =>
    product
      ? `Vielen Dank für Ihren Kauf von ${product} bei ${shop}. Möchten Sie anderen Kunden sagen, wie es Ihnen gefällt?`
      : `Vielen Dank für Ihre Bestellung bei ${shop}. Möchten Sie anderen Kunden sagen, wie es war?`,
  reminderIntro: ({ shop }) =>
    `Vor einigen Tagen hat ${shop} Sie um eine Bewertung gebeten. Wenn Sie eine Minute haben, hilft Ihre Erfahrung anderen Kunden bei der Wahl.`,
  button: 'Bewertung schreiben',
  linkLine: 'Oder öffnen Sie diesen Link:',
  honesty:
    'Jede Bewertung wird veröffentlicht, ganz gleich wie viele Sterne sie gibt: gute wie schlechte helfen anderen.',
  noIncentive:
    'Niemand wird für eine Bewertung bezahlt oder belohnt, und Sie entscheiden selbst, ob Sie eine schreiben.',
  expires: (date) => `Der Link funktioniert einmal, bis zum ${date}.`,
  why: ({ shop }) => `Sie erhalten diese E-Mail, weil Sie bei ${shop} bestellt haben.`,
  unsubscribe: ({ shop }) => `Keine Bewertungseinladungen mehr von ${shop}`,
  optOutTitle: 'Bewertungseinladungen',
  optOutQuestion: (shop) => `Möchten Sie keine Bewertungseinladungen mehr von ${shop} erhalten?`,
  optOutButton: 'Ja, keine Einladungen mehr',
  optOutDone: (shop) => `Erledigt: Sie erhalten keine Bewertungseinladungen mehr von ${shop}.`,
  optOutUnknown: 'Dieser Link ist nicht bekannt. Vielleicht wurde er falsch abgeschrieben.',
};

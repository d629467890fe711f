/**
 * Deterministic fixture data: the same seed and `now` give the same businesses and reviews on
 * every machine. Review ages are whole days chosen away from the 12-month edge, so which reviews
 * count toward the score (R2) never depends on the hour a test runs.
 */
import type { Business, Product, Review, Summary, VerificationMethod, VerificationStatus } from '../client/schemas.js';
import type { InvitationLocale } from '../contract/admin.js';
import { reviewUrl } from '../contract/anchor.js';
import { invitationExpiry } from '../rules/invitations.js';
import { pick, seededRandom, weighted } from './random.js';
import { EMOJI_TEXT, HOSTILE_TEXTS, LONG_TEXT, NAMES, ONE_LINER, REPLIES, RTL_TEXT, TEXTS } from './texts.js';
import type { FixtureLanguage, ReviewText, Sentiment } from './texts.js';

/** A review as the mock store keeps it: the public review plus what the API never shows. */
export interface StoredReview extends Review {
  /** `unconfirmed`: a review without an invitation that its author has not confirmed by e-mail yet. */
  status: 'unconfirmed' | 'pending' | 'published' | 'rejected';
  /** Private (R12): never in a public answer. */
  email: string | null;
  /** Private: the order reference its author gave. */
  orderReference?: string | null;
  confirmedAt?: string | null;
}

export interface FixtureBusiness extends Business {
  verificationPolicyUrl: string | null;
  products: Product[];
  /** Orders recorded and invited, for the invited share (R9); `null` when unknown. */
  /** R9 and R13: orders recorded, invitations sent, customers who opted out. */
  orders: { recorded: number; invited: number; optedOut?: number } | null;
  /** R13: reviews removed in the last 12 months by reason, besides those the mocks' moderation removes. */
  removed?: NonNullable<Summary['removed']>;
  /** The invitations' language for orders without a locale of their own; English when left out. */
  defaultInvitationLocale?: InvitationLocale;
}

export interface FixtureInvitation {
  token: string;
  business: string;
  product: string | null;
  orderRef: string;
  /** The review written with it; an invitation works once (R8). */
  usedBy: string | null;
  /** When it stops working. */
  expiresAt: string;
}

export interface FixtureData {
  businesses: FixtureBusiness[];
  reviews: StoredReview[];
  invitations: FixtureInvitation[];
}

export const DEMO_BUSINESS = 'nordlys';
export const EMPTY_BUSINESS = 'empty-shop';
/** A business whose reviews are all imported or unverified: published reviews, but no score. */
export const UNSCORED_BUSINESS = 'new-shop';
/** A business with 10,000 reviews, for paging and performance stories. */
export const LARGE_BUSINESS = 'big-shop';
/** Unused invitation tokens of the demo business (each works once). */
export const DEMO_INVITATIONS = ['demo-invite-1', 'demo-invite-2', 'demo-invite-3', 'demo-invite-4', 'demo-invite-5'];
export const DEMO_PRODUCTS = {
  espresso: 'NK-ESPRESSO-1KG',
  filter: 'NK-FILTER-500G',
  grinder: 'NK-GRINDER',
} as const;

const DAY = 24 * 60 * 60 * 1000;

export interface FixtureOptions {
  /** The moment the fixtures are generated for; review dates lie before it. */
  now?: Date;
  seed?: number;
  /** How many reviews the demo business gets (default 240). */
  reviewCount?: number;
  /** How many reviews the large business gets (default 10,000). */
  largeReviewCount?: number;
  /** No reviews at all, for every business (the "empty" scenario). */
  empty?: boolean;
  /**
   * The demo shop a new user first sees: reviews that read like a real coffee shop's, without
   * the hostile, overlong, emoji and right-to-left texts that tests and Storybook rely on.
   */
  demo?: boolean;
}

/** The product a review text is about, if it names one: such a text is never filed under another. */
function topicOf(text: ReviewText): string | null {
  const words = `${text.title ?? ''} ${text.body}`;
  if (/grinder|kvarn|mühle|mlýn/i.test(words)) return DEMO_PRODUCTS.grinder;
  if (/filter|pour-over|bryggkaffe/i.test(words)) return DEMO_PRODUCTS.filter;
  if (/espresso|crema|moka/i.test(words)) return DEMO_PRODUCTS.espresso;
  return null;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

const RATING_WEIGHTS: Record<VerificationStatus, Record<1 | 2 | 3 | 4 | 5, number>> = {
  verified: { 5: 55, 4: 25, 3: 8, 2: 5, 1: 7 },
  unverified: { 5: 40, 4: 15, 3: 10, 2: 10, 1: 25 },
  imported: { 5: 60, 4: 25, 3: 8, 2: 4, 1: 3 },
};

function sentimentFor(rating: number): Sentiment {
  if (rating >= 4) return 'positive';
  if (rating === 3) return 'mixed';
  return 'negative';
}

export function createFixtures(options: FixtureOptions = {}): FixtureData {
  const now = (options.now ?? new Date()).getTime();
  const random = seededRandom(options.seed ?? 20261121);
  const reviewCount = options.empty ? 0 : (options.reviewCount ?? 240);
  const largeReviewCount = options.empty ? 0 : (options.largeReviewCount ?? 10_000);

  const businesses: FixtureBusiness[] = [
    {
      id: DEMO_BUSINESS,
      name: 'Nordlys Kaffe',
      url: 'https://nordlys.example',
      verificationPolicyUrl: 'https://nordlys.example/about-our-reviews',
      products: [
        { id: DEMO_PRODUCTS.espresso, name: 'Espresso Nordlys, 1 kg' },
        { id: DEMO_PRODUCTS.filter, name: 'Filter roast Midnattssol, 500 g' },
        { id: DEMO_PRODUCTS.grinder, name: 'Hand grinder Fjäll' },
      ],
      orders: { recorded: 1840, invited: 1601, optedOut: 37 },
      removed: { offensive: 3, personal_data: 2, illegal: 0, industry_rule: 0, not_genuine: 1 },
      // A Swedish shop: its orders without a language are invited in Swedish.
      defaultInvitationLocale: 'sv',
    },
    {
      id: EMPTY_BUSINESS,
      name: 'Empty Shop',
      url: 'https://empty.example',
      verificationPolicyUrl: null,
      products: [],
      orders: null,
    },
    {
      id: UNSCORED_BUSINESS,
      name: 'New Shop',
      url: 'https://new.example',
      verificationPolicyUrl: null,
      products: [],
      orders: { recorded: 12, invited: 0 },
    },
    {
      id: LARGE_BUSINESS,
      name: 'Big Shop',
      url: 'https://big.example',
      verificationPolicyUrl: 'https://big.example/reviews-policy',
      products: [],
      orders: { recorded: 52_000, invited: 41_600 },
    },
  ];

  const reviews: StoredReview[] = [];
  let sequence = 0;

  function add(
    business: FixtureBusiness,
    fields: {
      ageDays: number;
      status: VerificationStatus;
      rating: number;
      language: FixtureLanguage;
      text: ReviewText;
      product: string | null;
      /** Another language than the author's (e.g. an Arabic review by a Swedish customer). */
      textLanguage?: string;
    },
  ): StoredReview {
    sequence += 1;
    const id = `${business.id}-${String(sequence).padStart(5, '0')}`;
    const createdAt = now - fields.ageDays * DAY - Math.floor(random() * 8) * 60 * 60 * 1000;
    const experiencedAt = createdAt - Math.floor(random() * 30) * DAY;
    const method: VerificationMethod | null =
      fields.status === 'verified' ? weighted(random, { invitation: 70, 'order-reference': 20, identity: 10 }) : null;
    const people = NAMES[fields.language];
    const edited = random() < 0.08 && fields.ageDays > 10;
    const replyChance = fields.rating <= 3 ? 0.6 : 0.15;
    const reply =
      random() < replyChance
        ? {
            body: pick(random, REPLIES[fields.language].slice(fields.rating <= 3 ? 1 : 0, fields.rating <= 3 ? 2 : 1)),
            createdAt: new Date(createdAt + (1 + Math.floor(random() * 3)) * DAY).toISOString(),
            authorName: `${business.name} team`,
          }
        : null;
    const review: StoredReview = {
      id,
      business: business.id,
      product: fields.product,
      rating: fields.rating,
      title: fields.text.title,
      body: fields.text.body,
      language: fields.textLanguage ?? fields.language,
      author: { displayName: pick(random, people.names), country: pick(random, people.countries) },
      experiencedAt: isoDate(experiencedAt),
      createdAt: new Date(createdAt).toISOString(),
      editedAt: edited ? new Date(createdAt + (1 + Math.floor(random() * 5)) * DAY).toISOString() : null,
      verification: { status: fields.status, method },
      countsTowardScore: false,
      reply: reply && Date.parse(reply.createdAt) < now ? reply : null,
      helpfulCount: Math.floor(random() ** 3 * 40),
      url: reviewUrl(business.url, id),
      status: 'published',
      email: `customer${sequence}@mail.example`,
    };
    reviews.push(review);
    return review;
  }

  const demo = businesses[0]!;
  const invitations: FixtureInvitation[] = DEMO_INVITATIONS.map((token, i) => ({
    token,
    business: DEMO_BUSINESS,
    product: i === 4 ? DEMO_PRODUCTS.espresso : null,
    orderRef: `NK-${100_200 + i}`,
    usedBy: null,
    expiresAt: invitationExpiry(new Date(now)).toISOString(),
  }));
  if (options.empty) return { businesses, reviews, invitations };

  for (let i = 0; i < reviewCount; i += 1) {
    const status = weighted(random, { verified: 60, unverified: 25, imported: 15 });
    const rating = Number(weighted(random, RATING_WEIGHTS[status]));
    const language = weighted(random, { sv: 50, en: 20, de: 15, cs: 15 });
    // Four in five reviews are within the last 11 months; the rest are 13 to 30 months old.
    const ageDays = random() < 0.8 ? Math.floor(random() * 330) : 400 + Math.floor(random() * 500);
    const productRoll = random();
    const text = pick(random, TEXTS[language][sentimentFor(rating)]);
    // A text about one product is that product's review (or the shop's); a text about the shop
    // or the delivery may stand under any product.
    const topic = topicOf(text);
    const rolled =
      productRoll < 0.2
        ? DEMO_PRODUCTS.espresso
        : productRoll < 0.32
          ? DEMO_PRODUCTS.filter
          : productRoll < 0.4
            ? DEMO_PRODUCTS.grinder
            : null;
    const product = topic ? (productRoll < 0.6 ? topic : null) : rolled;
    add(demo, { ageDays, status, rating, language, text, product });
  }

  // Reviews every story and test can rely on, newest first. The demo shop keeps their ids (its
  // pages quote them) but gets ordinary texts where tests need hostile or right-to-left ones.
  const demoOnly = options.demo === true;
  add(demo, { ageDays: 0, status: 'verified', rating: 5, language: 'en', text: EMOJI_TEXT, product: null });
  add(demo, {
    ageDays: 1,
    status: 'unverified',
    rating: 2,
    language: 'en',
    text: demoOnly ? TEXTS.en.negative[0]! : HOSTILE_TEXTS[0]!,
    product: null,
  });
  add(demo, {
    ageDays: 2,
    status: 'unverified',
    rating: 1,
    language: 'en',
    text: demoOnly ? TEXTS.en.negative[1]! : HOSTILE_TEXTS[1]!,
    product: null,
  });
  add(demo, { ageDays: 3, status: 'verified', rating: 4, language: 'en', text: LONG_TEXT, product: null });
  add(demo, { ageDays: 4, status: 'verified', rating: 5, language: 'en', text: ONE_LINER, product: null });
  add(demo, {
    ageDays: 5,
    status: 'verified',
    rating: 5,
    language: 'sv',
    text: demoOnly ? TEXTS.sv.positive[0]! : RTL_TEXT,
    product: null,
    ...(demoOnly ? {} : { textLanguage: 'ar' }),
  });
  if (demoOnly) return { businesses, reviews, invitations };

  const unscored = businesses[2]!;
  for (let i = 0; i < 6; i += 1) {
    const status: VerificationStatus = i % 2 === 0 ? 'imported' : 'unverified';
    const rating = 3 + (i % 3);
    add(unscored, {
      ageDays: 5 + i * 20,
      status,
      rating,
      language: 'en',
      text: pick(random, TEXTS.en.positive),
      product: null,
    });
  }

  const large = businesses[3]!;
  for (let i = 0; i < largeReviewCount; i += 1) {
    const status = weighted(random, { verified: 70, unverified: 20, imported: 10 });
    const rating = Number(weighted(random, RATING_WEIGHTS[status]));
    const language = weighted(random, { en: 40, de: 25, sv: 20, cs: 15 });
    // Keep clear of the 12-month edge so the score never depends on the hour.
    const drawn = Math.floor(random() * 900);
    const ageDays = drawn >= 355 && drawn <= 375 ? drawn + 30 : drawn;
    add(large, {
      ageDays,
      status,
      rating,
      language,
      text: pick(random, TEXTS[language][sentimentFor(rating)]),
      product: null,
    });
  }

  return { businesses, reviews, invitations };
}

/**
 * The mocks of the business side: sign-in and sessions, members, the moderation queue, review
 * history, reports, insights, settings, and the provisional orders, invitations and outbox
 * routes, over the same in-memory `MockStore` the public handlers serve (an approved review shows
 * up in the widgets at once).
 *
 * No cookies: every request counts as the signed-in member (an owner of `nordlys` and a
 * moderator of `big-shop`) unless the store is made signed out or with another role. Bodies are
 * checked with the contract's own schemas, so a story never shows what the server would refuse.
 */
import { reviewUrl } from '../contract/anchor.js';
import { parseListQuery } from '../client/list-query.js';
import { validateInput } from '../client/validate.js';
import { moderationInputSchema, orderInputSchema, replyInputSchema, REVIEW_STATUSES } from '../contract/admin.js';
import type { AdminReview, Flag, ModerationDecision, ReviewStatus } from '../contract/admin.js';
import { LIMITS } from '../client/schemas.js';
import type { ModerationReason, ReportReason } from '../client/schemas.js';
import {
  businessPatchSchema,
  memberInputSchema,
  memberPatchSchema,
  REPORT_OUTCOMES,
  sessionInputSchema,
  signInInputSchema,
} from '../contract/dashboard.js';
import type {
  AdminReport,
  BusinessSettings,
  HistoryEntry,
  InsightMonth,
  Insights,
  InvitationLocale,
  InvitationPolicy,
  Me,
  Member,
  MemberRole,
  ReportOutcome,
  Session,
} from '../contract/dashboard.js';
import {
  INVITATION_STATES,
  ORDER_CSV_COLUMNS,
  invitationToServer,
  messageToServer,
  uploadToServer,
} from '../dashboard/provisional.js';
import type { AdminInvitation, InvitationState, OrderRowProblem, OutboxMessage } from '../dashboard/provisional.js';
import { computeScore, scoreWindowStart } from '../rules/score.js';
import { HOSTILE_MAIL_HTML, MAIL_TEXTS, MORE_PENDING, PENDING_FIXTURES } from './admin-fixtures.js';
import { DEMO_BUSINESS, LARGE_BUSINESS } from './fixtures.js';
import type { FixtureOptions, StoredReview } from './fixtures.js';
import { pick, seededRandom } from './random.js';
import { IDENTITY_ANSWER_DAYS, PROOF_DAYS } from '../contract/reviewer.js';
import { canReportNotGenuine } from '../rules/windows.js';
import type { IdentityRequest } from '../contract/reviewer.js';
import { MockStore, decodeCursor, encodeCursor, errorAnswer } from './store.js';
import type { StoreAnswer } from './store.js';
import { NAMES, TEXTS } from './texts.js';
import type { FixtureLanguage } from './texts.js';

/** The signed-in member of the mocks. */
export const DEMO_MEMBER_EMAIL = 'owner@nordlys.example';
/** The moderator the fixtures' moderation history names. */
export const DEMO_MODERATOR_EMAIL = 'barista@nordlys.example';
/** A sign-in link's token the mocks accept (once). */
export const DEMO_SIGN_IN_TOKEN = 'demo-sign-in-token-0001';

export interface AdminStoreOptions extends FixtureOptions {
  /** The public store to share with the public handlers; a new one by default. */
  base?: MockStore;
  /** The member's role at `nordlys` (owner by default). */
  role?: MemberRole;
  /** Without a session every admin and auth route but sign-in answers 401. */
  signedIn?: boolean;
}

interface ReportRecord {
  id: string;
  reviewId: string;
  reason: ReportReason;
  note: string | null;
  createdAt: string;
  outcome: ReportOutcome;
  removedFor: ModerationReason | null;
}

interface Moderation {
  decision: ModerationDecision;
  reason: ModerationReason | null;
  decidedAt: string;
  by: string;
}

interface Settings {
  verificationText: string | null;
  allowedOrigins: string[];
  invitations: InvitationPolicy;
  webhookSecret: string | null;
  defaultInvitationLocale: InvitationLocale;
}

type Record_<T> = T & { business: string };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const ok = (body: unknown, status = 200): StoreAnswer => ({ status, body });
const noContent: StoreAnswer = { status: 204 };

/** A small stable hash of an id, for fixture values that must not change between runs. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** One page of `items` for `?cursor=&limit=` (offset cursors, like the public list). */
function pageOf<T>(items: T[], params: URLSearchParams): StoreAnswer {
  const limitParam = params.get('limit');
  const limit = limitParam === null ? LIMITS.pageSizeDefault : Number(limitParam);
  const cursor = params.get('cursor');
  const offset = cursor ? decodeCursor(cursor) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSizeMax) {
    return errorAnswer(400, 'validation_failed', 'Invalid list query', { limit: limit > 1 ? 'too_long' : 'invalid' });
  }
  if (offset === undefined) return errorAnswer(400, 'validation_failed', 'Invalid list query', { cursor: 'invalid' });
  const next = offset + limit;
  return ok({
    items: items.slice(offset, next),
    nextCursor: next < items.length ? encodeCursor(next) : null,
    total: items.length,
  });
}

type SortKey = [createdAt: string, id: string];

const compareKeys = (a: SortKey, b: SortKey, direction: 1 | -1) =>
  direction * a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);

/**
 * One page of reviews after a cursor that names the last review shown (its date and id), as the
 * server's keyset cursors do: a review approved or rejected meanwhile leaves the list, and the
 * next page still starts right after the last one shown — none is skipped.
 */
function keysetPage(sorted: StoredReview[], params: URLSearchParams, direction: 1 | -1): StoreAnswer {
  const limitParam = params.get('limit');
  const limit = limitParam === null ? LIMITS.pageSizeDefault : Number(limitParam);
  const cursor = params.get('cursor');
  let after: SortKey | undefined;
  if (cursor) {
    try {
      const decoded = JSON.parse(atob(cursor)) as unknown;
      if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string')) {
        after = decoded as SortKey;
      }
    } catch {
      after = undefined;
    }
    if (!after) return errorAnswer(400, 'validation_failed', 'Invalid list query', { cursor: 'invalid' });
  }
  const key = (review: StoredReview): SortKey => [review.createdAt, review.id];
  const rest = after ? sorted.filter((review) => compareKeys(key(review), after, direction) > 0) : sorted;
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return ok({
    items,
    nextCursor: rest.length > limit && last ? btoa(JSON.stringify(key(last))) : null,
    total: sorted.length,
  });
}

/** RFC 4180 CSV: commas, quotes with doubled quotes inside, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function mailHtml(lang: FixtureLanguage, shop: string, name: string, link: string): string {
  const t = MAIL_TEXTS[lang];
  return `<!doctype html><html lang="${lang}"><body style="margin:0;padding:24px;background:#f6f3ee;font-family:Georgia,serif;color:#2b2118">
<table role="presentation" width="100%" style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:24px">
<tr><td><h1 style="font-size:22px;margin:0 0 16px">${shop}</h1>
<p>${t.greeting(name)}</p><p>${t.ask(shop)}</p>
<p><a href="${link}" style="display:inline-block;background:#6b3e1f;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${t.button}</a></p>
<p style="font-size:13px;color:#6b5b4b">${t.honest}</p>
<p style="font-size:12px"><a href="${link}&amp;unsubscribe=1" style="color:#6b5b4b">${t.unsubscribe}</a></p></td></tr></table></body></html>`;
}

function mailText(lang: FixtureLanguage, shop: string, name: string, link: string): string {
  const t = MAIL_TEXTS[lang];
  return [
    t.greeting(name),
    '',
    t.ask(shop),
    '',
    `${t.button}: ${link}`,
    '',
    t.honest,
    '',
    `${t.unsubscribe}: ${link}&unsubscribe=1`,
  ].join('\n');
}

export class AdminMockStore {
  readonly base: MockStore;
  signedIn: boolean;
  readonly email = DEMO_MEMBER_EMAIL;
  private readonly roles = new Map<string, MemberRole>();
  private readonly flags = new Map<string, Flag[]>();
  private readonly moderations = new Map<string, Moderation>();
  private readonly histories = new Map<string, HistoryEntry[]>();
  private readonly reportsList: ReportRecord[] = [];
  private readonly membersOf = new Map<string, Member[]>();
  private readonly settingsOf = new Map<string, Settings>();
  private readonly invitationsList: Record_<AdminInvitation>[] = [];
  private readonly outboxList: Record_<OutboxMessage>[] = [];
  private readonly identityRequests = new Map<string, IdentityRequest>();
  private sessionList: Session[];
  private readonly usedTokens = new Set<string>();
  private readonly empty: boolean;

  constructor(options: AdminStoreOptions = {}) {
    this.base = options.base ?? new MockStore(options);
    this.signedIn = options.signedIn ?? true;
    this.empty = options.empty ?? false;
    this.roles.set(DEMO_BUSINESS, options.role ?? 'owner');
    this.roles.set(LARGE_BUSINESS, 'moderator');
    const now = this.now();
    const at = (ms: number) => new Date(now.getTime() - ms).toISOString();

    this.sessionList = [
      {
        id: 'session-current',
        createdAt: at(3 * DAY),
        lastSeenAt: at(0),
        userAgent: 'Firefox 153 on Linux',
        current: true,
      },
      {
        id: 'session-phone',
        createdAt: at(20 * DAY),
        lastSeenAt: at(2 * DAY),
        userAgent: 'Safari on iPhone',
        current: false,
      },
      { id: 'session-office', createdAt: at(28 * DAY), lastSeenAt: at(9 * DAY), userAgent: null, current: false },
    ];
    if (this.empty) this.sessionList = this.sessionList.slice(0, 1);

    this.membersOf.set(DEMO_BUSINESS, [
      {
        id: 'member-owner',
        email: DEMO_MEMBER_EMAIL,
        role: 'owner',
        createdAt: at(400 * DAY),
        lastSignInAt: at(3 * DAY),
      },
      ...(this.empty
        ? []
        : [
            {
              id: 'member-barista',
              email: DEMO_MODERATOR_EMAIL,
              role: 'moderator' as const,
              createdAt: at(200 * DAY),
              lastSignInAt: at(1 * DAY),
            },
            {
              id: 'member-new',
              email: 'new.hire@nordlys.example',
              role: 'moderator' as const,
              createdAt: at(DAY),
              lastSignInAt: null,
            },
          ]),
    ]);
    this.membersOf.set(LARGE_BUSINESS, [
      {
        id: 'member-big-owner',
        email: 'ops@big.example',
        role: 'owner',
        createdAt: at(500 * DAY),
        lastSignInAt: at(DAY),
      },
      {
        id: 'member-big-me',
        email: DEMO_MEMBER_EMAIL,
        role: 'moderator',
        createdAt: at(90 * DAY),
        lastSignInAt: at(5 * DAY),
      },
    ]);
    for (const [id, business] of this.base.businesses) {
      this.settingsOf.set(id, {
        verificationText:
          id === DEMO_BUSINESS && !this.empty
            ? 'We invite every customer by e-mail a week after delivery. Reviews written through the invitation are marked verified; reviews are published whatever their rating.'
            : null,
        allowedOrigins:
          id === DEMO_BUSINESS && !this.empty ? ['https://nordlys.example', 'https://shop.nordlys.example'] : [],
        invitations: { delayDays: 7, reminderAfterDays: 7, expiresAfterDays: 60 },
        webhookSecret: id === DEMO_BUSINESS && !this.empty ? 'whsec_fixture_0000000000000000' : null,
        defaultInvitationLocale: (!this.empty && business.defaultInvitationLocale) || 'en',
      });
    }
    if (!this.empty) {
      this.seed();
      // "Find reviewer" in each of its states (nordlys-00003 has none: it can be asked).
      this.seedIdentityRequest('nordlys-00002', 'answered');
      this.seedIdentityRequest('nordlys-00007', 'unanswered');
      this.seedIdentityRequest('nordlys-00009', 'waiting');
      this.seedIdentityRequest('nordlys-00010', 'proof_requested');
    }
  }

  now(): Date {
    return this.base.now();
  }

  // -------------------------------------------------------------------------------------------
  // Fixtures

  private seed(): void {
    const now = this.now().getTime();
    const random = seededRandom(20261201);
    const demo = this.base.businesses.get(DEMO_BUSINESS)!;

    // The moderation queue: the fixtures every story relies on, then ordinary ones.
    const pending = [...PENDING_FIXTURES];
    for (let i = 0; i < MORE_PENDING; i += 1) {
      const language = pick(random, ['en', 'sv', 'de', 'cs'] as const);
      const rating = 1 + Math.floor(random() * 5);
      const sentiment = rating >= 4 ? 'positive' : rating === 3 ? 'mixed' : 'negative';
      pending.push({
        language,
        rating,
        verified: random() < 0.6,
        author: pick(random, NAMES[language].names),
        text: pick(random, TEXTS[language][sentiment]),
        flags: [],
      });
    }
    // The fixtures every story relies on are the oldest: the inbox shows them first.
    pending.forEach((fixture, i) => {
      const id = `${DEMO_BUSINESS}-p${String(i + 1).padStart(4, '0')}`;
      const createdAt = new Date(now - ((pending.length - i) * 5 + 1) * HOUR).toISOString();
      this.base.reviews.push({
        id,
        business: DEMO_BUSINESS,
        product: null,
        rating: fixture.rating,
        title: fixture.text.title,
        body: fixture.text.body,
        language: fixture.language,
        author: { displayName: fixture.author, country: null },
        experiencedAt: createdAt.slice(0, 10),
        createdAt,
        editedAt: null,
        verification: fixture.verified
          ? { status: 'verified', method: 'invitation' }
          : { status: 'unverified', method: null },
        countsTowardScore: false,
        reply: null,
        helpfulCount: 0,
        url: reviewUrl(demo.url, id),
        status: 'pending',
        email: `${fixture.author.toLowerCase().replace(/[^a-z]+/g, '.')}@mail.example`,
      });
      this.flags.set(id, fixture.flags);
    });
    const big = this.base.businesses.get(LARGE_BUSINESS);
    if (big) {
      for (let i = 0; i < 3; i += 1) {
        const id = `${LARGE_BUSINESS}-p${i + 1}`;
        const text = TEXTS.en.mixed[i % TEXTS.en.mixed.length]!;
        this.base.reviews.push({
          id,
          business: LARGE_BUSINESS,
          product: null,
          rating: 3,
          title: text.title,
          body: text.body,
          language: 'en',
          author: { displayName: 'Chris', country: null },
          experiencedAt: new Date(now - DAY).toISOString().slice(0, 10),
          createdAt: new Date(now - (i + 1) * HOUR).toISOString(),
          editedAt: null,
          verification: { status: 'unverified', method: null },
          countsTowardScore: false,
          reply: null,
          helpfulCount: 0,
          url: reviewUrl(big.url, id),
          status: 'pending',
          email: null,
        });
      }
    }

    // Published reviews: some reported (R10), some of those removed.
    const published = this.base.reviews.filter((r) => r.business === DEMO_BUSINESS && r.status === 'published');
    const reasons: ReportReason[] = ['offensive', 'personal_data', 'not_genuine', 'spam', 'other'];
    for (let i = 0; i < 14 && i * 13 < published.length; i += 1) {
      const review = published[i * 13]!;
      const reason = reasons[i % reasons.length]!;
      const createdAt = new Date(Math.max(Date.parse(review.createdAt) + DAY, now - (i + 1) * 2 * DAY)).toISOString();
      const outcome: ReportOutcome = i < 6 ? 'open' : i % 3 === 0 ? 'removed' : 'kept';
      const removedFor: ModerationReason | null =
        outcome === 'removed' ? (reason === 'personal_data' || reason === 'not_genuine' ? reason : 'offensive') : null;
      this.reportsList.push({
        id: `report-${String(i + 1).padStart(3, '0')}`,
        reviewId: review.id,
        reason,
        note:
          i % 2 === 0
            ? ['This names a member of staff.', 'Never bought anything here, I think.', 'Spam link in the text.'][
                i % 3
              ]!
            : null,
        createdAt,
        outcome,
        removedFor,
      });
      if (outcome !== 'open') {
        const decidedAt = new Date(Date.parse(createdAt) + 5 * HOUR).toISOString();
        this.decide(review, outcome === 'removed' ? 'reject' : 'approve', removedFor, decidedAt, DEMO_MODERATOR_EMAIL);
      }
    }

    // Reviews rejected before they were ever published (R4).
    const rejectedTexts = [
      {
        title: 'Terrible',
        body: 'Your barista Johan is a moron and I will tell everyone at 070-765 43 21.',
        reason: 'offensive' as const,
      },
      {
        title: null,
        body: 'My neighbour Eva Lund at Storgatan 4 says hi — buy your coffee elsewhere.',
        reason: 'personal_data' as const,
      },
      {
        title: 'Miracle cure',
        body: 'This coffee cured my migraine in a week, better than any medicine.',
        reason: 'industry_rule' as const,
      },
    ];
    rejectedTexts.forEach((text, i) => {
      const id = `${DEMO_BUSINESS}-r${i + 1}`;
      const createdAt = new Date(now - (10 + i * 9) * DAY).toISOString();
      const review: StoredReview = {
        id,
        business: DEMO_BUSINESS,
        product: null,
        rating: 1 + i,
        title: text.title,
        body: text.body,
        language: 'en',
        author: { displayName: ['Ola', 'Kim', 'Rut'][i]!, country: 'SE' },
        experiencedAt: createdAt.slice(0, 10),
        createdAt,
        editedAt: null,
        verification: { status: 'unverified', method: null },
        countsTowardScore: false,
        reply: null,
        helpfulCount: 0,
        url: reviewUrl(demo.url, id),
        status: 'rejected',
        email: null,
      };
      this.base.reviews.push(review);
      this.decide(
        review,
        'reject',
        text.reason,
        new Date(Date.parse(createdAt) + 20 * HOUR).toISOString(),
        DEMO_MODERATOR_EMAIL,
      );
    });

    // Invitations: every recorded order gets one (R13).
    const states: InvitationState[] = ['scheduled', 'sent', 'reminded', 'reviewed', 'expired', 'opted_out', 'failed'];
    const weights = [10, 12, 8, 18, 6, 3, 2];
    let n = 0;
    states.forEach((state, s) => {
      for (let i = 0; i < weights[s]!; i += 1) {
        n += 1;
        const language = (['sv', 'en', 'de', 'cs'] as const)[n % 4]!;
        const name = NAMES[language].names[n % NAMES[language].names.length]!;
        const created = now - (state === 'scheduled' ? n % 6 : 10 + (n % 50)) * DAY;
        const sent = state === 'scheduled' || state === 'failed' ? null : created + 7 * DAY;
        this.invitationsList.push({
          business: DEMO_BUSINESS,
          id: `inv-${String(n).padStart(4, '0')}`,
          orderRef: `NK-${100_000 + n}`,
          email: `customer${n}@mail.example`,
          state,
          product: n % 3 === 0 ? 'NK-ESPRESSO-1KG' : null,
          customerName: name,
          createdAt: new Date(created).toISOString(),
          scheduledFor: new Date(created + 7 * DAY).toISOString(),
          sentAt: sent === null ? null : new Date(sent).toISOString(),
          remindedAt: state === 'reminded' || state === 'expired' ? new Date(created + 14 * DAY).toISOString() : null,
          reviewedAt: state === 'reviewed' ? new Date(created + 9 * DAY).toISOString() : null,
          expiresAt: sent === null ? null : new Date(sent + 60 * DAY).toISOString(),
          lastError:
            state === 'failed' ? '550 5.1.1 <customer' + n + '@mail.example>: Recipient address rejected' : null,
        });
      }
    });
    this.invitationsList.sort((a, b) => b.createdAt.localeCompare(a.createdAt));

    // The outbox: invitations and reminders as the customers got them, and one hostile message.
    const languages: FixtureLanguage[] = ['sv', 'en', 'cs', 'de', 'sv', 'en'];
    languages.forEach((lang, i) => {
      const name = NAMES[lang].names[i % NAMES[lang].names.length]!;
      const link = `${demo.url}/reviews?invitation=demo-outbox-${i + 1}`;
      this.outboxList.push({
        business: DEMO_BUSINESS,
        id: `mail-${i + 1}`,
        to: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@mail.example`,
        subject: MAIL_TEXTS[lang].subject(demo.name),
        text: mailText(lang, demo.name, name, link),
        html: mailHtml(lang, demo.name, name, link),
        state: i === 4 ? 'failed' : i % 2 === 0 ? 'held' : 'sent',
        kind: i === 5 ? 'reminder' : 'invitation',
        locale: lang,
        createdAt: new Date(now - (i + 1) * 7 * HOUR).toISOString(),
        sentAt: i % 2 === 1 ? new Date(now - (i + 1) * 7 * HOUR + 60_000).toISOString() : null,
      });
    });
    this.outboxList.push({
      business: DEMO_BUSINESS,
      id: 'mail-hostile',
      to: 'test@mail.example',
      subject: '<script>alert("subject")</script> Hostile test message',
      text: 'Plain text with <b>tags</b> that stay text and a javascript:alert(1) link.',
      html: HOSTILE_MAIL_HTML,
      state: 'held',
      kind: 'invitation',
      locale: 'en',
      createdAt: new Date(now - 60 * HOUR).toISOString(),
      sentAt: null,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Access

  me(): Me {
    const memberships = [...this.roles].flatMap(([id, role]) => {
      const business = this.base.businesses.get(id);
      return business ? [{ business: { id, name: business.name }, role }] : [];
    });
    return { email: this.email, memberships };
  }

  private unauthorized(): StoreAnswer {
    return errorAnswer(401, 'unauthorized', 'Sign in first');
  }

  /** `undefined` when the member may do this at this business; else the answer that says why not. */
  private deny(business: string, ownerOnly = false): StoreAnswer | undefined {
    if (!this.signedIn) return this.unauthorized();
    const role = this.roles.get(business);
    if (!role || !this.base.businesses.has(business)) return errorAnswer(404, 'not_found', `No business "${business}"`);
    if (ownerOnly && role !== 'owner') return errorAnswer(403, 'forbidden', 'Only owners may do this');
    return undefined;
  }

  private findReview(id: string): { review?: StoredReview; denied?: StoreAnswer } {
    if (!this.signedIn) return { denied: this.unauthorized() };
    // An unconfirmed review is its author's draft still: not the business's to see.
    const review = this.base.reviews.find((r) => r.id === id && r.status !== 'unconfirmed');
    const denied = review ? this.deny(review.business) : undefined;
    if (!review || denied?.status === 404) return { denied: errorAnswer(404, 'not_found', `No review "${id}"`) };
    return denied ? { denied } : { review };
  }

  // -------------------------------------------------------------------------------------------
  // Sign-in and sessions

  signIn(input: unknown): StoreAnswer {
    const parsed = validateInput(signInInputSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'Invalid e-mail address', parsed.fields);
    return { status: 202 };
  }

  createSession(input: unknown): StoreAnswer {
    const parsed = validateInput(sessionInputSchema, input);
    const token = parsed.success ? parsed.data.token : '';
    if (token !== DEMO_SIGN_IN_TOKEN || this.usedTokens.has(token)) {
      return {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'This sign-in link is used, expired or unknown',
            fields: { token: 'invalid_token' },
          },
        },
      };
    }
    this.usedTokens.add(token);
    this.signedIn = true;
    return ok(this.me());
  }

  meAnswer(): StoreAnswer {
    return this.signedIn ? ok(this.me()) : this.unauthorized();
  }

  signOut(): StoreAnswer {
    this.signedIn = false;
    return noContent;
  }

  sessions(): StoreAnswer {
    return this.signedIn ? ok({ items: this.sessionList }) : this.unauthorized();
  }

  endSession(id: string): StoreAnswer {
    if (!this.signedIn) return this.unauthorized();
    const session = this.sessionList.find((s) => s.id === id);
    if (!session) return errorAnswer(404, 'not_found', `No session "${id}"`);
    this.sessionList = this.sessionList.filter((s) => s !== session);
    if (session.current) this.signedIn = false;
    return noContent;
  }

  // -------------------------------------------------------------------------------------------
  // Settings and members

  private settingsAnswer(id: string): BusinessSettings {
    const business = this.base.businesses.get(id)!;
    const settings = this.settingsOf.get(id)!;
    return {
      id,
      name: business.name,
      url: business.url,
      verificationPolicyUrl: business.verificationPolicyUrl,
      reviewFormUrl: null,
      products: business.products,
      orders: business.orders ?? { recorded: 0, invited: 0 },
      verificationText: settings.verificationText,
      allowedOrigins: settings.allowedOrigins,
      invitations: settings.invitations,
      webhook: { configured: settings.webhookSecret !== null, createdAt: null },
      defaultInvitationLocale: settings.defaultInvitationLocale,
    };
  }

  business(id: string): StoreAnswer {
    return this.deny(id, true) ?? ok(this.settingsAnswer(id));
  }

  updateBusiness(id: string, input: unknown): StoreAnswer {
    const denied = this.deny(id, true);
    if (denied) return denied;
    const parsed = validateInput(businessPatchSchema, input);
    if (!parsed.success)
      return errorAnswer(400, 'validation_failed', 'The settings have invalid fields', parsed.fields);
    const patch = parsed.data;
    const settings = this.settingsOf.get(id)!;
    if (patch.name !== undefined) this.base.businesses.get(id)!.name = patch.name;
    if (patch.verificationText !== undefined) settings.verificationText = patch.verificationText || null;
    if (patch.allowedOrigins !== undefined) settings.allowedOrigins = [...new Set(patch.allowedOrigins)];
    if (patch.invitations !== undefined) settings.invitations = { ...settings.invitations, ...patch.invitations };
    if (patch.defaultInvitationLocale !== undefined) settings.defaultInvitationLocale = patch.defaultInvitationLocale;
    return ok(this.settingsAnswer(id));
  }

  newWebhookSecret(id: string): StoreAnswer {
    const denied = this.deny(id, true);
    if (denied) return denied;
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    const secret = `whsec_${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    this.settingsOf.get(id)!.webhookSecret = secret;
    return ok({ secret });
  }

  members(id: string): StoreAnswer {
    return this.deny(id, true) ?? ok({ items: this.membersOf.get(id) ?? [] });
  }

  private lastOwner(id: string, member: Member): boolean {
    return member.role === 'owner' && (this.membersOf.get(id) ?? []).filter((m) => m.role === 'owner').length === 1;
  }

  addMember(id: string, input: unknown): StoreAnswer {
    const denied = this.deny(id, true);
    if (denied) return denied;
    const parsed = validateInput(memberInputSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'The member has invalid fields', parsed.fields);
    const list = this.membersOf.get(id) ?? [];
    this.membersOf.set(id, list);
    const email = parsed.data.email.toLowerCase();
    const existing = list.find((m) => m.email === email);
    if (existing) {
      if (this.lastOwner(id, existing) && parsed.data.role !== 'owner') {
        return errorAnswer(409, 'conflict', 'A business keeps at least one owner');
      }
      existing.role = parsed.data.role;
      return ok(existing, 201);
    }
    const member: Member = {
      id: `member-${hash(email).toString(36)}`,
      email,
      role: parsed.data.role,
      createdAt: this.now().toISOString(),
      lastSignInAt: null,
    };
    list.push(member);
    return ok(member, 201);
  }

  changeRole(id: string, memberId: string, input: unknown): StoreAnswer {
    const denied = this.deny(id, true);
    if (denied) return denied;
    const member = this.membersOf.get(id)?.find((m) => m.id === memberId);
    if (!member) return errorAnswer(404, 'not_found', `No member "${memberId}"`);
    const parsed = validateInput(memberPatchSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'Invalid role', parsed.fields);
    if (parsed.data.role !== 'owner' && this.lastOwner(id, member)) {
      return errorAnswer(409, 'conflict', 'A business keeps at least one owner');
    }
    member.role = parsed.data.role;
    return ok(member);
  }

  removeMember(id: string, memberId: string): StoreAnswer {
    const denied = this.deny(id, true);
    if (denied) return denied;
    const list = this.membersOf.get(id) ?? [];
    const member = list.find((m) => m.id === memberId);
    if (!member) return errorAnswer(404, 'not_found', `No member "${memberId}"`);
    if (this.lastOwner(id, member)) return errorAnswer(409, 'conflict', 'A business keeps at least one owner');
    this.membersOf.set(
      id,
      list.filter((m) => m !== member),
    );
    return noContent;
  }

  // -------------------------------------------------------------------------------------------
  // Reviews, moderation, history

  /** The moderation of a review: recorded, or (for a fixture) derived from its dates. */
  private moderationOf(review: StoredReview): Moderation | null {
    const known = this.moderations.get(review.id);
    if (known) return known;
    if (review.status !== 'published' || review.verification.status === 'imported') return null;
    const decidedAt = new Date(Date.parse(review.createdAt) + (1 + (hash(review.id) % 60)) * HOUR).toISOString();
    return { decision: 'approve', reason: null, decidedAt, by: DEMO_MODERATOR_EMAIL };
  }

  private decide(
    review: StoredReview,
    decision: ModerationDecision,
    reason: ModerationReason | null,
    decidedAt: string,
    by: string,
  ): void {
    this.historyOf(review);
    review.status = decision === 'approve' ? 'published' : 'rejected';
    const moderation = { decision, reason: decision === 'reject' ? reason : null, decidedAt, by };
    this.moderations.set(review.id, moderation);
    this.histories.get(review.id)!.push({
      at: decidedAt,
      action: decision === 'approve' ? 'approved' : 'rejected',
      by,
      reason: moderation.reason,
    });
  }

  /** Everything that happened to a review, oldest first (fixtures' history is derived once, then kept). */
  private historyOf(review: StoredReview): HistoryEntry[] {
    let history = this.histories.get(review.id);
    if (history) return history;
    history = [{ at: review.createdAt, action: 'submitted', by: null, reason: null }];
    const moderation = this.moderationOf(review);
    if (moderation && !this.moderations.has(review.id)) {
      history.push({ at: moderation.decidedAt, action: 'approved', by: moderation.by, reason: null });
    }
    if (review.editedAt) history.push({ at: review.editedAt, action: 'edited', by: null, reason: null });
    if (review.reply)
      history.push({ at: review.reply.createdAt, action: 'replied', by: DEMO_MEMBER_EMAIL, reason: null });
    for (const report of this.reportsList.filter((r) => r.reviewId === review.id)) {
      history.push({ at: report.createdAt, action: 'reported', by: null, reason: report.reason });
    }
    history.sort((a, b) => a.at.localeCompare(b.at));
    this.histories.set(review.id, history);
    return history;
  }

  toAdmin(review: StoredReview): AdminReview {
    const moderation = this.moderationOf(review);
    return {
      ...this.base.toPublic(review),
      status: review.status as ReviewStatus,
      email: review.email,
      flags: this.flags.get(review.id) ?? [],
      moderation: moderation && {
        decision: moderation.decision,
        reason: moderation.reason,
        decidedAt: moderation.decidedAt,
      },
      reports: this.reportsList.filter((r) => r.reviewId === review.id).length,
    };
  }

  reviews(business: string, params: URLSearchParams): StoreAnswer {
    const denied = this.deny(business);
    if (denied) return denied;
    const status = (params.get('status') ?? 'pending') as ReviewStatus;
    const parsed = parseListQuery(params, {
      sorts: ['newest', 'oldest'],
      isCursor: (cursor) => {
        try {
          return Array.isArray(JSON.parse(atob(cursor)));
        } catch {
          return false;
        }
      },
    });
    const fields = 'fields' in parsed ? { ...parsed.fields } : {};
    if (!REVIEW_STATUSES.includes(status)) fields.status = 'invalid';
    if ('fields' in parsed || Object.keys(fields).length > 0) {
      return errorAnswer(400, 'validation_failed', 'Invalid list query', fields);
    }
    const { query } = parsed;
    const needle = query.q?.trim().toLocaleLowerCase();
    const matching = this.base.reviews.filter(
      (r) =>
        r.business === business &&
        r.status === status &&
        (!query.product || r.product === query.product) &&
        (!query.rating || query.rating.includes(r.rating)) &&
        (!query.verified || r.verification.status === 'verified') &&
        (!needle || `${r.title ?? ''}\n${r.body}\n${r.author.displayName}`.toLocaleLowerCase().includes(needle)),
    );
    const direction = query.sort === 'oldest' ? 1 : -1;
    matching.sort((a, b) => compareKeys([a.createdAt, a.id], [b.createdAt, b.id], direction));
    const answer = keysetPage(matching, params, direction);
    if (answer.status !== 200) return answer;
    const page = answer.body as { items: StoredReview[] };
    return ok({ ...page, items: page.items.map((r) => this.toAdmin(r)) });
  }

  review(id: string): StoreAnswer {
    const { review, denied } = this.findReview(id);
    return denied ?? ok(this.toAdmin(review!));
  }

  // "Find reviewer" (SPEC §7), as the server answers it: once per review, never for a review
  // verified by invitation, 3 days to answer, then proof within 7 days after a not-genuine report.

  /** Seeds a request in a given state (stories and tests show each one). */
  seedIdentityRequest(reviewId: string, state: IdentityRequest['state']): void {
    const now = this.now().getTime();
    const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
    const answer = { email: 'ola.nordmann@mail.example', orderReference: 'NK-10452', fullName: 'Ola Nordmann' };
    const answered = state === 'answered' || state === 'proof_given';
    const proofAsked = state === 'proof_requested' || state === 'proof_given' || state === 'removed';
    this.identityRequests.set(reviewId, {
      id: `identity-${reviewId}`,
      review: reviewId,
      state,
      requestedBy: this.email,
      createdAt: at(state === 'waiting' ? -1 : -6),
      expiresAt: at(state === 'waiting' ? 2 : -3),
      answer: state === 'answered' ? answer : null,
      answeredAt: state === 'answered' ? at(-5) : null,
      proofDueAt: proofAsked ? at(state === 'removed' ? -1 : 5) : null,
      proof: state === 'proof_given' && answered ? answer : null,
      proofAt: state === 'proof_given' ? at(-1) : null,
      removedAt: state === 'removed' ? at(-1) : null,
    });
  }

  identityRequest(id: string): StoreAnswer {
    const { denied } = this.findReview(id);
    if (denied) return denied;
    const request = this.identityRequests.get(id);
    return request ? ok(request) : errorAnswer(404, 'not_found', `Nobody asked the author of review "${id}"`);
  }

  requestIdentity(id: string): StoreAnswer {
    const { review, denied } = this.findReview(id);
    if (denied) return denied;
    if (this.identityRequests.has(id)) {
      return errorAnswer(409, 'conflict', "This review's author was asked already: a review's author is asked once");
    }
    if (review!.verification.method === 'invitation') {
      return errorAnswer(422, 'verified_by_invitation', 'A review verified by invitation is never questioned');
    }
    if (!review!.email) return errorAnswer(422, 'no_address', 'The author left no e-mail address');
    const now = this.now();
    const request: IdentityRequest = {
      id: `identity-${id}`,
      review: id,
      state: 'waiting',
      requestedBy: this.email,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + IDENTITY_ANSWER_DAYS * 86_400_000).toISOString(),
      answer: null,
      answeredAt: null,
      proofDueAt: null,
      proof: null,
      proofAt: null,
      removedAt: null,
    };
    this.identityRequests.set(id, request);
    return ok({ id: request.id, expiresAt: request.expiresAt }, 201);
  }

  reportNotGenuine(id: string): StoreAnswer {
    const { review, denied } = this.findReview(id);
    if (denied) return denied;
    const request = this.identityRequests.get(id);
    if (!request) return errorAnswer(409, 'conflict', "Ask the review's author first (an identity request)");
    if (request.state !== 'unanswered') return errorAnswer(409, 'conflict', `The request is ${request.state}`);
    if (!canReportNotGenuine(review!.createdAt, this.now())) {
      return errorAnswer(
        422,
        'report_window_closed',
        'Only reviews at most 12 months old can be reported as not genuine',
      );
    }
    const proofDueAt = new Date(this.now().getTime() + PROOF_DAYS * 86_400_000).toISOString();
    this.identityRequests.set(id, { ...request, state: 'proof_requested', proofDueAt });
    return ok({ proofDueAt }, 202);
  }

  history(id: string): StoreAnswer {
    const { review, denied } = this.findReview(id);
    return denied ?? ok({ items: this.historyOf(review!) });
  }

  moderate(id: string, input: unknown): StoreAnswer {
    const { review, denied } = this.findReview(id);
    if (denied) return denied;
    const parsed = validateInput(moderationInputSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'Invalid decision', parsed.fields);
    const { decision, reason } = parsed.data;
    // R4: a rejection needs a content reason; a low rating is never one.
    if (decision === 'reject' && !reason) {
      return errorAnswer(400, 'validation_failed', 'A rejection needs an R4 reason', { reason: 'required' });
    }
    const now = this.now().toISOString();
    this.decide(review!, decision, reason ?? null, now, this.email);
    for (const report of this.reportsList.filter((r) => r.reviewId === id && r.outcome === 'open')) {
      report.outcome = decision === 'approve' ? 'kept' : 'removed';
      report.removedFor = decision === 'reject' ? (reason ?? null) : null;
    }
    return ok(this.toAdmin(review!));
  }

  reply(id: string, input: unknown): StoreAnswer {
    const { review, denied } = this.findReview(id);
    if (denied) return denied;
    const parsed = validateInput(replyInputSchema, input);
    if (!parsed.success) return errorAnswer(400, 'validation_failed', 'The reply has invalid fields', parsed.fields);
    const history = this.historyOf(review!);
    const now = this.now().toISOString();
    history.push({ at: now, action: review!.reply ? 'reply_edited' : 'replied', by: this.email, reason: null });
    review!.reply = { body: parsed.data.body, authorName: parsed.data.authorName, createdAt: now };
    return ok(this.toAdmin(review!));
  }

  // -------------------------------------------------------------------------------------------
  // Reports and insights

  reports(business: string, params: URLSearchParams): StoreAnswer {
    const denied = this.deny(business);
    if (denied) return denied;
    const outcome = params.get('outcome');
    if (outcome && !(REPORT_OUTCOMES as readonly string[]).includes(outcome)) {
      return errorAnswer(400, 'validation_failed', 'Invalid list query', { outcome: 'invalid' });
    }
    const items: AdminReport[] = [];
    for (const report of this.reportsList) {
      const review = this.base.reviews.find((r) => r.id === report.reviewId);
      if (!review || review.business !== business || (outcome && report.outcome !== outcome)) continue;
      items.push({
        id: report.id,
        review: {
          id: review.id,
          title: review.title,
          body: review.body,
          rating: review.rating,
          authorName: review.author.displayName,
          status: review.status as ReviewStatus,
        },
        reason: report.reason,
        note: report.note,
        createdAt: report.createdAt,
        outcome: report.outcome,
        removedFor: report.removedFor,
      });
    }
    items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return pageOf(items, params);
  }

  insights(business: string): StoreAnswer {
    const denied = this.deny(business);
    if (denied) return denied;
    const now = this.now();
    const reviews = this.base.reviews.filter((r) => r.business === business);
    const published = reviews.filter((r) => r.status === 'published');
    const orders = this.base.businesses.get(business)?.orders;
    const months: InsightMonth[] = [];
    for (let back = 11; back >= 0; back -= 1) {
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1));
      const end = next.getTime() > now.getTime() ? now : new Date(next.getTime() - 1);
      const inMonth = published.filter((r) => r.createdAt >= start.toISOString() && r.createdAt < next.toISOString());
      const monthOrders =
        orders && !this.empty
          ? Math.round((orders.recorded / 12) * (0.8 + (hash(`${business}${back}`) % 40) / 100))
          : 0;
      const invited = orders && orders.recorded > 0 ? Math.round((monthOrders * orders.invited) / orders.recorded) : 0;
      months.push({
        month: start.toISOString().slice(0, 7),
        average: computeScore(
          published.filter((r) => Date.parse(r.createdAt) <= end.getTime()),
          end,
        ).average,
        published: inMonth.length,
        verified: inMonth.filter((r) => r.verification.status === 'verified').length,
        orders: monthOrders,
        invited,
      });
    }
    const windowStart = scoreWindowStart(now).toISOString();
    const sum = (key: 'orders' | 'invited') => months.reduce((total, m) => total + m[key], 0);
    const answered = published.filter(
      (r) => r.createdAt >= windowStart && r.verification.method === 'invitation',
    ).length;
    const hours = reviews
      .filter((r) => r.createdAt >= windowStart)
      .flatMap((r) => {
        const moderation = this.moderationOf(r);
        return moderation ? [(Date.parse(moderation.decidedAt) - Date.parse(r.createdAt)) / HOUR] : [];
      })
      .sort((a, b) => a - b);
    const middle = Math.floor(hours.length / 2);
    const median =
      hours.length === 0 ? null : hours.length % 2 ? hours[middle]! : (hours[middle - 1]! + hours[middle]!) / 2;
    const insights: Insights = {
      months,
      distribution: computeScore(published, now).distribution,
      invitedShare: sum('orders') > 0 ? Math.round((sum('invited') / sum('orders')) * 1000) / 1000 : null,
      answeredShare: sum('invited') > 0 ? Math.min(1, Math.round((answered / sum('invited')) * 1000) / 1000) : null,
      medianHoursToModerate: median === null ? null : Math.round(median * 10) / 10,
      pending: reviews.filter((r) => r.status === 'pending').length,
    };
    return ok(insights);
  }

  // -------------------------------------------------------------------------------------------
  // Provisional: orders CSV, invitations, outbox

  uploadOrders(business: string, contentType: string | null, csv: string): StoreAnswer {
    const denied = this.deny(business);
    if (denied) return denied;
    if (!contentType?.startsWith('text/csv')) {
      return errorAnswer(415, 'unsupported_media_type', 'Send the orders as text/csv');
    }
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    const header = (rows[0] ?? []).map((h) => h.trim());
    const missing = ORDER_CSV_COLUMNS.slice(0, 3).filter((column) => !header.includes(column));
    if (missing.length > 0) {
      return ok(
        uploadToServer({
          accepted: 0,
          skipped: 0,
          problems: missing.map((field) => ({ row: 1, field, problem: 'required' })),
        }),
      );
    }
    const problems: OrderRowProblem[] = [];
    const known = new Set(this.invitationsList.filter((i) => i.business === business).map((i) => i.orderRef));
    const policy = this.settingsOf.get(business)!.invitations;
    let accepted = 0;
    let skipped = 0;
    rows.slice(1).forEach((cells, index) => {
      const row = index + 2;
      if (cells.every((cell) => cell.trim() === '')) return;
      if (cells.length > header.length) {
        problems.push({ row, field: null, problem: 'too_many_columns' });
        return;
      }
      const record: Record<string, string> = {};
      header.forEach((column, i) => {
        const value = cells[i]?.trim();
        if (value) record[column] = value;
      });
      const parsed = validateInput(orderInputSchema, record);
      if (!parsed.success) {
        for (const [field, problem] of Object.entries(parsed.fields))
          problems.push({ row, field, problem: problem ?? 'invalid' });
        return;
      }
      if (record.locale && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(record.locale)) {
        problems.push({ row, field: 'locale', problem: 'invalid' });
        return;
      }
      if (known.has(parsed.data.orderRef)) {
        skipped += 1;
        return;
      }
      known.add(parsed.data.orderRef);
      accepted += 1;
      const purchased = Date.parse(parsed.data.purchasedAt);
      this.invitationsList.unshift({
        business,
        id: `inv-upload-${hash(parsed.data.orderRef).toString(36)}`,
        orderRef: parsed.data.orderRef,
        email: parsed.data.email,
        state: 'scheduled',
        product: parsed.data.product ?? null,
        customerName: record.customerName ?? null,
        createdAt: this.now().toISOString(),
        scheduledFor: new Date(purchased + policy.delayDays * DAY).toISOString(),
        sentAt: null,
        remindedAt: null,
        reviewedAt: null,
        expiresAt: null,
        lastError: null,
      });
    });
    return ok(uploadToServer({ accepted, skipped, problems }));
  }

  invitations(business: string, params: URLSearchParams): StoreAnswer {
    const denied = this.deny(business);
    if (denied) return denied;
    const status = params.get('status');
    if (status && !(INVITATION_STATES as readonly string[]).includes(status)) {
      return errorAnswer(400, 'validation_failed', 'Invalid list query', { status: 'invalid' });
    }
    const items = this.invitationsList
      .filter((i) => i.business === business && (!status || i.state === status))
      .map(({ business: _business, ...invitation }) => invitationToServer(invitation));
    return pageOf(items, params);
  }

  outbox(business: string, params: URLSearchParams): StoreAnswer {
    const denied = this.deny(business);
    if (denied) return denied;
    const items = this.outboxList
      .filter((m) => m.business === business)
      .map(({ business: _business, ...message }) => messageToServer(message));
    return pageOf(items, params);
  }
}

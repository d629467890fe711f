/**
 * The business side's contract for members and the dashboard (SPEC §7, "Members and the
 * dashboard"): passwordless sign-in, sessions, members, and the admin routes the dashboard's
 * screens read (review history, reports, insights, settings). The server validates with these
 * schemas, the dashboard's client checks every answer with them, the MSW mocks answer with them,
 * and the OpenAPI document is generated from them. Widgets never import this module.
 *
 * Every admin route accepts either the operator's bearer token (VERITY_ADMIN_TOKEN) or a member's
 * session cookie scoped to that member's businesses: another business answers 404, an owner-only
 * route answers a moderator 403.
 */
import * as z from 'zod/mini';
import { MODERATION_REASONS, REPORT_REASONS } from '../client/schemas.js';
import { INVITATION_LOCALES, adminBusinessSchema, invitationPolicySchema } from './admin.js';

export const MEMBER_ROLES = ['owner', 'moderator'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** What a moderator may not do: settings, members, secrets and imports are for owners. */
export const OWNER_ONLY = ['settings', 'members', 'webhook-secret', 'imports'] as const;

/** A sign-in link works once and for this long. */
export const SIGN_IN_LINK_MINUTES = 15;
/** A session unused for this long ends. */
export const SESSION_IDLE_DAYS = 30;
/** The session cookie's name. */
export const SESSION_COOKIE = 'verity_session';

const isoDateTime = z.iso.datetime({ offset: true });
const email = z.email().check(z.maxLength(320));

// ---------------------------------------------------------------------------------------------
// Sign-in and sessions

/**
 * `POST /v1/auth/sign-in`: e-mails a one-time link if the address is a member anywhere. Always
 * answers 202, whether or not it is (a sign-in form must never tell who is a member); 429 when
 * asked too often.
 */
export const signInInputSchema = z.object({
  email,
  /** The dashboard's language, for the e-mail (en, sv, cs, de; else English). */
  locale: z.optional(z.string().check(z.maxLength(35))),
});

/**
 * `POST /v1/auth/session`: the dashboard's sign-in page posts the token of the link (a link
 * that signed in on GET would be used up by mail scanners that open links). Sets the session
 * cookie and answers `Me`; a used, expired or unknown token answers 400 `validation_failed` with
 * `fields.token` = `invalid_token`.
 */
export const sessionInputSchema = z.object({ token: z.string().check(z.minLength(16), z.maxLength(200)) });

export const membershipSchema = z.object({
  business: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(MEMBER_ROLES),
});

/** `GET /v1/auth/me` (401 without a session): who is signed in, and where. */
export const meSchema = z.object({
  email: z.string(),
  memberships: z.array(membershipSchema),
});

/** `GET /v1/auth/sessions`: the signed-in person's sessions; `DELETE /v1/auth/sessions/{id}` ends one. */
export const sessionSchema = z.object({
  id: z.string(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  /** The browser it was opened in, as it said (`User-Agent`, shortened). */
  userAgent: z.nullable(z.string()),
  current: z.boolean(),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

// ---------------------------------------------------------------------------------------------
// Members (owners and the operator)

/** `POST /v1/admin/businesses/{b}/members`: adds a member (or changes their role) and e-mails a sign-in link. */
export const memberInputSchema = z.object({ email, role: z.enum(MEMBER_ROLES) });
/** `PATCH /v1/admin/businesses/{b}/members/{id}`. */
export const memberPatchSchema = z.object({ role: z.enum(MEMBER_ROLES) });

export const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(MEMBER_ROLES),
  createdAt: isoDateTime,
  lastSignInAt: z.nullable(isoDateTime),
});
export const memberListSchema = z.object({ items: z.array(memberSchema) });

// ---------------------------------------------------------------------------------------------
// Review history (R4, R6): who did what, kept

export const HISTORY_ACTIONS = [
  'submitted',
  'approved',
  'rejected',
  'edited',
  'replied',
  'reply_edited',
  'reported',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const historyEntrySchema = z.object({
  at: isoDateTime,
  action: z.enum(HISTORY_ACTIONS),
  /** The member's e-mail, `operator` for the admin token, `null` for the reviewer or the public. */
  by: z.nullable(z.string()),
  /** A rejection's R4 reason, or a report's R10 reason. */
  reason: z.nullable(z.string()),
});
/** `GET /v1/admin/reviews/{id}/history`, oldest first. */
export const historySchema = z.object({ items: z.array(historyEntrySchema) });

// ---------------------------------------------------------------------------------------------
// Reports (R10)

export const REPORT_OUTCOMES = ['open', 'kept', 'removed'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const adminReportSchema = z.object({
  id: z.string(),
  review: z.object({
    id: z.string(),
    title: z.nullable(z.string()),
    body: z.string(),
    rating: z.int(),
    authorName: z.string(),
    status: z.enum(['pending', 'published', 'rejected']),
  }),
  reason: z.enum(REPORT_REASONS),
  note: z.nullable(z.string()),
  createdAt: isoDateTime,
  /** `open` until the review is moderated after the report: then `kept` (approved) or `removed` (rejected). */
  outcome: z.enum(REPORT_OUTCOMES),
  /** The R4 reason the review was removed for, when it was. */
  removedFor: z.nullable(z.enum(MODERATION_REASONS)),
});
/** `GET /v1/admin/businesses/{b}/reports?outcome=open|kept|removed&cursor=&limit=`, newest first. */
export const adminReportPageSchema = z.object({
  items: z.array(adminReportSchema),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.minimum(0)),
});

// ---------------------------------------------------------------------------------------------
// Insights

export const insightMonthSchema = z.object({
  /** `2026-11`. */
  month: z.string(),
  /** The R2 score as it stood at the end of that month (12 months before it), or null. */
  average: z.nullable(z.number()),
  /** Reviews published that month, by provenance. */
  published: z.int(),
  verified: z.int(),
  /** Orders recorded and invitations sent that month. */
  orders: z.int(),
  invited: z.int(),
});

/** `GET /v1/admin/businesses/{b}/insights`: the last 12 months, oldest month first. */
export const insightsSchema = z.object({
  months: z.array(insightMonthSchema),
  /** The distribution behind today's score (verified, 12 months). */
  distribution: z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int(), '5': z.int() }),
  /** Invitations sent ÷ orders recorded, over the 12 months; null without orders. */
  invitedShare: z.nullable(z.number()),
  /** Reviews written through an invitation ÷ invitations sent; null without invitations. */
  answeredShare: z.nullable(z.number()),
  /** Median hours from submission to the moderation decision, over the 12 months; null if none. */
  medianHoursToModerate: z.nullable(z.number()),
  pending: z.int(),
});

// ---------------------------------------------------------------------------------------------
// Settings: the admin API's own business and PATCH schemas (`./admin.ts`), which carry the
// invitation policy and default language, the webhook's state, the R11 verification text and the
// allowed origins.

/**
 * `GET /v1/admin/businesses/{b}` as the dashboard reads it: the admin business with every setting
 * present (the server always sends them; the admin schema keeps them optional for older servers).
 */
export const businessSettingsSchema = z.extend(adminBusinessSchema, {
  invitations: invitationPolicySchema,
  webhook: z.object({ configured: z.boolean(), createdAt: z.nullable(z.iso.datetime({ offset: true })) }),
  verificationText: z.nullable(z.string()),
  allowedOrigins: z.array(z.string()),
  defaultInvitationLocale: z.enum(INVITATION_LOCALES),
});

export {
  ALLOWED_ORIGINS_MAX,
  INVITATION_LOCALES,
  businessPatchSchema as settingsPatchSchema,
  businessPatchSchema,
  webhookSecretSchema,
  invitationPolicySchema,
  VERIFICATION_TEXT_MAX,
} from './admin.js';

// ---------------------------------------------------------------------------------------------
// Types

export type SignInInput = z.infer<typeof signInInputSchema>;
export type SessionInput = z.infer<typeof sessionInputSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Me = z.infer<typeof meSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type MemberInput = z.infer<typeof memberInputSchema>;
export type Member = z.infer<typeof memberSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type AdminReport = z.infer<typeof adminReportSchema>;
export type AdminReportPage = z.infer<typeof adminReportPageSchema>;
export type InsightMonth = z.infer<typeof insightMonthSchema>;
export type Insights = z.infer<typeof insightsSchema>;
export type BusinessSettings = z.infer<typeof businessSettingsSchema>;
export type { BusinessPatch as SettingsPatch, InvitationPolicy, BusinessPatch } from './admin.js';
export type { InvitationLocale, WebhookSecret } from './admin.js';

/**
 * PROVISIONAL SCHEMAS — to be replaced by the real ones when the orders/invitations/outbox routes
 * land (SPEC §7, "Orders in" and "Invitations out").
 *
 * The dashboard needs three answers whose exact shapes are still being written:
 * - `POST /v1/admin/businesses/{b}/orders` with `content-type: text/csv` (header row
 *   `orderRef,email,purchasedAt,product,customerName,locale`), answered with per-row problems;
 * - `GET /v1/admin/businesses/{b}/invitations?status=…&cursor=&limit=`, a paged list;
 * - `GET /v1/admin/businesses/{b}/outbox?cursor=&limit=`, the messages held or sent.
 *
 * Everything here is used only by `api.ts` (which turns these answers into what the screens show)
 * and by the mocks. The shapes are deliberately lenient (optional dates, free-form states) so that
 * a real answer that differs in detail still validates; swap in the real schemas at merge.
 */
import * as z from 'zod/mini';
import { INVITATION_STATUSES } from '../contract/admin.js';
import type { InvitationStatus } from '../contract/admin.js';
import {
  adminInvitationPageSchema as serverInvitationPageSchema,
  orderBatchResultSchema,
  outboxPageSchema as serverOutboxPageSchema,
} from '../contract/admin.js';

const isoDateTime = z.iso.datetime({ offset: true });
const optionalDate = z.optional(z.nullable(isoDateTime));

/** The columns of an orders CSV, in order: the server's own list. */
export { ORDER_CSV_COLUMNS } from '../contract/admin.js';

/** One row the server did not store, and why. `row` is the line of the file (the header is line 1). */
export const orderRowProblemSchema = z.object({
  row: z.int().check(z.minimum(1)),
  /** The column at fault, or null for the whole row (e.g. too many columns). */
  field: z.nullable(z.string()),
  /** A problem code: `required`, `invalid`, `too_long`, `duplicate`, … */
  problem: z.string(),
});

/** The answer to an orders upload: what was stored, what was already known, what was wrong. */
export const orderUploadResultSchema = z.object({
  /** Rows stored as new orders (each gets an invitation, R13). */
  accepted: z.int().check(z.minimum(0)),
  /** Rows of orders recorded before (same `orderRef`): nothing changed. */
  skipped: z.optional(z.int().check(z.minimum(0))),
  problems: z.array(orderRowProblemSchema),
});

/** Invitation states (SPEC §7), the server's own list. */
export const INVITATION_STATES = INVITATION_STATUSES;
export type InvitationState = InvitationStatus;

export const adminInvitationSchema = z.object({
  id: z.string(),
  orderRef: z.string(),
  email: z.string(),
  state: z.enum(INVITATION_STATES),
  product: z.optional(z.nullable(z.string())),
  customerName: z.optional(z.nullable(z.string())),
  /** When the order came in. */
  createdAt: isoDateTime,
  /** When the invitation goes (or went) out: `delayDays` after the purchase or fulfilment. */
  scheduledFor: optionalDate,
  sentAt: optionalDate,
  remindedAt: optionalDate,
  reviewedAt: optionalDate,
  expiresAt: optionalDate,
  /** Why the last attempt failed (a bounce, an SMTP error), as the mailer said it. */
  lastError: z.optional(z.nullable(z.string())),
});

export const adminInvitationPageSchema = z.object({
  items: z.array(adminInvitationSchema),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.minimum(0)),
});

/** Outbox states: held (no SMTP configured), sent, failed. Free-form here until the real schema lands. */
export const OUTBOX_STATES = ['held', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The plain-text part. */
  text: z.string(),
  /** The HTML part, as sent: shown only in a sandboxed frame, never in the page. */
  html: z.nullable(z.string()),
  /** Where the server serves the HTML part under its own policy (see `EMAIL_HTML_CSP`), if it does. */
  htmlUrl: z.optional(z.string()),
  state: z.string(),
  /** What the message is: `invitation`, `reminder`, `sign-in`, … */
  kind: z.optional(z.nullable(z.string())),
  locale: z.optional(z.nullable(z.string())),
  createdAt: isoDateTime,
  sentAt: optionalDate,
});

export const outboxPageSchema = z.object({
  items: z.array(outboxMessageSchema),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.minimum(0)),
});

export type OrderRowProblem = z.infer<typeof orderRowProblemSchema>;
export type OrderUploadResult = z.infer<typeof orderUploadResultSchema>;
export type AdminInvitation = z.infer<typeof adminInvitationSchema>;
export type AdminInvitationPage = z.infer<typeof adminInvitationPageSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type OutboxPage = z.infer<typeof outboxPageSchema>;

/**
 * A 400 answer may name the rows in `error.fields` instead (`rows.3.email: invalid` or
 * `3.email: invalid`); this reads either into per-row problems.
 */
export function problemsFromFields(fields: Record<string, string>): OrderRowProblem[] {
  const problems: OrderRowProblem[] = [];
  for (const [key, problem] of Object.entries(fields)) {
    const match = /^(?:rows?\.)?(\d+)(?:\.(.+))?$/.exec(key);
    if (match) problems.push({ row: Number(match[1]), field: match[2] ?? null, problem });
  }
  return problems.sort((a, b) => a.row - b.row);
}

// ---------------------------------------------------------------------------------------------
// The server's answers (src/contract/admin.ts) and the screens' model above: one translation
// each way, used by the dashboard's client (server → screens) and by the mocks (screens → server),
// so both speak the server's contract on the wire.

type ServerInvitation = z.infer<typeof serverInvitationPageSchema>['items'][number];
type ServerMessage = z.infer<typeof serverOutboxPageSchema>['items'][number];
type ServerUpload = z.infer<typeof orderBatchResultSchema>;

export function invitationFromServer(i: ServerInvitation): AdminInvitation {
  return {
    id: i.id,
    orderRef: i.orderRef,
    email: i.email,
    state: i.status,
    product: i.product,
    customerName: i.customerName,
    createdAt: i.createdAt,
    scheduledFor: i.status === 'scheduled' ? i.dueAt : (i.sentAt ?? i.dueAt),
    sentAt: i.sentAt,
    remindedAt: i.remindedAt,
    reviewedAt: i.status === 'reviewed' ? i.finishedAt : null,
    expiresAt: i.expiresAt,
    lastError: i.lastError,
  };
}

export function invitationToServer(i: AdminInvitation): ServerInvitation {
  return {
    id: i.id,
    orderRef: i.orderRef,
    email: i.email,
    customerName: i.customerName ?? null,
    product: i.product ?? null,
    locale: null,
    status: i.state,
    nextStep: i.state === 'scheduled' ? 'send' : null,
    dueAt: i.scheduledFor ?? null,
    sentAt: i.sentAt ?? null,
    remindedAt: i.remindedAt ?? null,
    expiresAt: i.expiresAt ?? null,
    finishedAt: i.reviewedAt ?? null,
    lastError: i.lastError ?? null,
    createdAt: i.createdAt,
  };
}

export function messageFromServer(m: ServerMessage): OutboxMessage {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    // Only a path of the admin API: the frame never loads anything else.
    ...(m.htmlUrl?.startsWith('/v1/admin/businesses/') ? { htmlUrl: m.htmlUrl } : {}),
    state: m.status,
    kind: m.kind,
    locale: m.locale,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

export function messageToServer(m: OutboxMessage): ServerMessage {
  return {
    id: m.id,
    kind: m.kind === 'reminder' ? 'reminder' : 'invitation',
    invitationId: null,
    orderRef: null,
    to: m.to,
    locale: m.locale ?? 'en',
    subject: m.subject,
    text: m.text,
    html: m.html ?? '',
    headers: {},
    status: (['held', 'pending', 'sending', 'sent', 'failed'] as const).find((s) => s === m.state) ?? 'held',
    attempts: 0,
    lastError: null,
    createdAt: m.createdAt,
    sentAt: m.sentAt ?? null,
  };
}

export function uploadFromServer(u: ServerUpload): OrderUploadResult {
  return {
    accepted: u.accepted,
    skipped: u.duplicates,
    problems: u.problems.map((p) => ({ row: p.row, field: p.field === 'row' ? null : p.field, problem: p.code })),
  };
}

export function uploadToServer(u: OrderUploadResult): ServerUpload {
  return {
    accepted: u.accepted,
    duplicates: u.skipped ?? 0,
    rejected: new Set(u.problems.map((p) => p.row)).size,
    problems: u.problems.map((p) => ({ row: p.row, field: p.field ?? 'row', code: p.problem })),
  };
}

/**
 * The OpenAPI 3.1 document of contract v1, generated from the same zod schemas the client, the
 * mocks and the server validate with. `npm run build` writes it to `dist/openapi.json`.
 */
import {
  confirmResultSchema,
  erasureResultSchema,
  identityAnswerSchema,
  identityRequestCreatedSchema,
  identityRequestSchema,
  proofDueSchema,
  reviewerEditSchema,
  reviewerReviewSchema,
} from './reviewer.js';
import { toJSONSchema } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import { VERSION } from '../internal/version.js';
import {
  LIMITS,
  REPORT_REASONS,
  SORTS,
  apiErrorSchema,
  helpfulResultSchema,
  reportInputSchema,
  reviewInputSchema,
  reviewPageSchema,
  reviewSchema,
  submitResultSchema,
  summarySchema,
} from '../client/schemas.js';
import {
  INVITATION_STATUSES,
  MODERATION_DECISIONS,
  ORDER_CSV_COLUMNS,
  OUTBOX_STATUSES,
  REVIEW_STATUSES,
  adminBusinessSchema,
  adminInvitationPageSchema,
  businessPatchSchema,
  hookResultSchema,
  orderBatchResultSchema,
  outboxPageSchema,
  webhookSecretInputSchema,
  webhookSecretSchema,
  adminReviewPageSchema,
  adminReviewSchema,
  businessInputSchema,
  importInputSchema,
  importResultSchema,
  invitationInputSchema,
  invitationSchema,
  moderationInputSchema,
  orderInputSchema,
  orderSchema,
  replyInputSchema,
} from './admin.js';
import {
  REPORT_OUTCOMES,
  adminReportPageSchema,
  historySchema,
  insightsSchema,
  meSchema,
  memberInputSchema,
  memberListSchema,
  memberPatchSchema,
  memberSchema,
  sessionInputSchema,
  sessionListSchema,
  signInInputSchema,
} from './dashboard.js';

type Json = Record<string, unknown>;

/** Answers may gain optional fields: drop zod's `additionalProperties: false`. */
function open(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(open);
  if (schema && typeof schema === 'object') {
    const copy: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$schema') continue;
      if (key === 'additionalProperties' && value === false) continue;
      copy[key] = open(value);
    }
    return copy;
  }
  return schema;
}

function jsonSchema(schema: ZodMiniType, io: 'input' | 'output'): Json {
  const generated = toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return open(generated) as Json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

/** Every admin route: the operator's token, or a member's session within their own businesses. */
const admin = {
  security: [{ adminToken: [] }, { memberSession: [] }],
  tags: ['admin'],
};
const unauthorized = {
  '401': error('unauthorized: no valid admin token or session (every admin route)'),
  '403': error("forbidden: a member's request from another origin, or a moderator on an owner's route"),
};
const session = { security: [{ memberSession: [] }], tags: ['dashboard'] };
const body = (name: string) => ({ requestBody: { required: true, ...json(ref(name)) } });

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const signature = (name: string, description: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

/** An order webhook: signed with the business's webhook secret; 401 and nothing stored otherwise. */
function hook(operationId: string, summary: string, headers: Json[], schema: Json) {
  return {
    post: {
      tags: ['hooks'],
      operationId,
      summary,
      parameters: [param('business'), ...headers],
      requestBody: { required: true, ...json(schema) },
      responses: {
        '200': { description: 'Understood: recorded, repeated, ignored or rejected', ...json(ref('HookResult')) },
        '201': { description: 'Recorded (our own webhook)', ...json(ref('HookResult')) },
        '401': error('unauthorized: a missing, wrong or (ours) old signature; nothing was stored'),
        '413': error('payload_too_large'),
        ...errors,
      },
    },
  };
}

const errors = {
  '400': error('validation_failed: `error.fields` names each invalid field with a problem code'),
  '404': error('not_found'),
  '429': {
    ...error('rate_limited'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  },
  '500': error('internal'),
};

/** What every public POST may answer besides: a page of another site, a body that is not JSON. */
const postErrors = {
  '403': error("origin_not_allowed: sent from a page whose origin may not post (not the shop's own site)"),
  '415': error('unsupported_media_type: the body is not `application/json`'),
};

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Verity review API',
      version: `1 (verity-reviews ${VERSION})`,
      summary: 'Honest, verified customer reviews: contract v1',
      description:
        'JSON, camelCase, dates in ISO 8601. Errors are always `{"error": {"code", "message", "fields"?}}`. ' +
        'New optional fields may appear in answers; renaming or removing one is a breaking change.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths: {
      ...dashboardPaths(),
      '/v1/businesses/{business}/summary': {
        get: {
          operationId: 'getSummary',
          summary: 'The score (R2) and counts of a business or one of its products',
          parameters: [param('business'), param('product')],
          responses: { '200': { description: 'The summary', ...json(ref('Summary')) }, ...errors },
        },
      },
      '/v1/businesses/{business}/summaries': {
        get: {
          operationId: 'getSummaries',
          summary:
            "Many products' summaries in one request (a category page): one per known product, in the order asked; unknown products are left out",
          parameters: [
            param('business'),
            {
              name: 'products',
              in: 'query',
              required: true,
              description: `1 to ${LIMITS.summaryBatchMax} product SKUs separated by commas (a SKU asked twice is answered once); more, none or an empty or invalid one is a 400 naming \`products\``,
              schema: { type: 'string', minLength: 1 },
            },
          ],
          responses: {
            '200': { description: 'The summaries', ...json(ref('SummaryBatch')) },
            ...errors,
          },
        },
      },
      '/v1/businesses/{business}/reviews': {
        get: {
          operationId: 'listReviews',
          summary: 'Published reviews, newest first by default (R3)',
          parameters: [
            param('business'),
            param('product'),
            { name: 'sort', in: 'query', schema: { type: 'string', enum: [...SORTS], default: 'newest' } },
            {
              name: 'rating',
              in: 'query',
              description: 'Comma-separated star ratings, e.g. `4,5`',
              schema: { type: 'string', pattern: '^[1-5](,[1-5])*$' },
            },
            { name: 'verified', in: 'query', schema: { type: 'boolean' } },
            { name: 'language', in: 'query', schema: { type: 'string' } },
            {
              name: 'q',
              in: 'query',
              description: 'Text search',
              schema: { type: 'string', maxLength: LIMITS.queryMax },
            },
            { name: 'cursor', in: 'query', description: 'From `nextCursor`', schema: { type: 'string' } },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault },
            },
          ],
          responses: { '200': { description: 'One page of reviews', ...json(ref('ReviewPage')) }, ...errors },
        },
        post: {
          operationId: 'submitReview',
          summary: 'Submit a review; it is verified with a valid invitation token (R8)',
          parameters: [
            param('business'),
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: 'One key per draft: however often it is sent, one review is created',
              schema: { type: 'string', minLength: 1, maxLength: 200 },
            },
          ],
          requestBody: { required: true, ...json(ref('ReviewInput')) },
          responses: {
            '201': { description: 'Created (or the answer to a repeated key)', ...json(ref('SubmitResult')) },
            '409': error('idempotency_conflict: the key was used with another body'),
            ...postErrors,
            ...errors,
          },
        },
      },
      '/v1/reviews/{id}': {
        get: {
          operationId: 'getReview',
          summary: 'One published review',
          parameters: [param('id')],
          responses: { '200': { description: 'The review', ...json(ref('Review')) }, ...errors },
        },
      },
      '/v1/reviews/{id}/helpful': {
        post: {
          operationId: 'voteHelpful',
          summary: 'Count a "helpful" vote, once per client: a repeat answers the count unchanged',
          parameters: [param('id')],
          requestBody: {
            required: true,
            description: 'An empty JSON object: a vote is taken only as JSON',
            ...json({ type: 'object' }),
          },
          responses: {
            '200': { description: 'The count', ...json(ref('HelpfulResult')) },
            ...postErrors,
            ...errors,
          },
        },
      },
      '/v1/reviews/{id}/reports': {
        post: {
          operationId: 'reportReview',
          summary: `Report a review (R10): ${REPORT_REASONS.join(', ')}; once per client (a repeat is accepted, not stored)`,
          parameters: [param('id')],
          requestBody: { required: true, ...json(ref('ReportInput')) },
          responses: {
            '202': { description: 'Accepted for moderation' },
            '422': error('report_window_closed: "not_genuine" on a review older than 12 months'),
            ...postErrors,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses': {
        post: {
          ...admin,
          operationId: 'upsertBusiness',
          summary: 'Create a business, or update the one with this id; add or rename products',
          ...body('BusinessInput'),
          responses: {
            '200': { description: 'Updated', ...json(ref('AdminBusiness')) },
            '201': { description: 'Created', ...json(ref('AdminBusiness')) },
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses/{business}': {
        get: {
          ...admin,
          operationId: 'getBusiness',
          summary: 'A business: its products, order counts (R9, R13), invitation policy and webhook state',
          parameters: [param('business')],
          responses: {
            '200': { description: 'The business', ...json(ref('AdminBusiness')) },
            ...unauthorized,
            ...errors,
          },
        },
        patch: {
          ...admin,
          operationId: 'updateBusiness',
          summary: 'Change some settings; a new invitation delay moves the invitations not yet sent',
          description:
            'A field left out keeps its value. `defaultInvitationLocale` is the language of the invitations of orders without a `locale` of their own (a WooCommerce order, a CSV without the column); an order’s own locale always wins.',
          parameters: [param('business')],
          ...body('BusinessPatch'),
          responses: { '200': { description: 'Updated', ...json(ref('AdminBusiness')) }, ...unauthorized, ...errors },
        },
      },
      '/v1/admin/businesses/{business}/orders': {
        post: {
          ...admin,
          operationId: 'recordOrder',
          summary: 'Record an order, or many as CSV; each gets its invitation scheduled (R9, R13)',
          description:
            `As \`text/csv\` (up to 20 MiB): a header row naming the columns \`${ORDER_CSV_COLUMNS.join(',')}\` ` +
            '(optional ones may be left out, `fulfilledAt` may be added), then one order a row. A broken header stores ' +
            'nothing; a row with a problem is left out and named in `problems`.',
          parameters: [param('business')],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('OrderInput') },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          responses: {
            '200': { description: 'A CSV: what was recorded, and each row left out', ...json(ref('OrderBatchResult')) },
            '201': { description: 'Recorded', ...json(ref('Order')) },
            '409': error('conflict: the order was recorded before'),
            '413': error('payload_too_large'),
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses/{business}/webhook-secret': {
        post: {
          ...admin,
          operationId: 'makeWebhookSecret',
          summary: "A new secret for the order webhooks (the old one stops working), or the platform's own",
          parameters: [param('business')],
          requestBody: { required: false, ...json(ref('WebhookSecretInput')) },
          responses: {
            '201': { description: 'The secret, shown this once', ...json(ref('WebhookSecret')) },
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses/{business}/invitations': {
        get: {
          ...admin,
          operationId: 'listInvitations',
          summary: 'Every invitation and its state, newest first',
          parameters: [
            param('business'),
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...INVITATION_STATUSES] } },
            param('cursor'),
            param('limit'),
          ],
          responses: {
            '200': { description: 'One page', ...json(ref('AdminInvitationPage')) },
            ...unauthorized,
            ...errors,
          },
        },
        post: {
          ...admin,
          operationId: 'createInvitation',
          summary: 'A single-use invitation token for an order (R8); replaces an unused one',
          parameters: [param('business')],
          ...body('InvitationInput'),
          responses: {
            '201': { description: 'The token, shown once, and the link for the e-mail', ...json(ref('Invitation')) },
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses/{business}/outbox': {
        get: {
          ...admin,
          operationId: 'listOutbox',
          summary: 'Every message written, as the customer sees it, and what became of it; newest first',
          parameters: [
            param('business'),
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...OUTBOX_STATUSES] } },
            param('cursor'),
            param('limit'),
          ],
          responses: { '200': { description: 'One page', ...json(ref('OutboxPage')) }, ...unauthorized, ...errors },
        },
      },
      '/v1/admin/businesses/{business}/outbox/{id}/html': {
        get: {
          ...admin,
          operationId: 'getOutboxHtml',
          summary:
            "One message's HTML part as a document of its own (its `htmlUrl`), under a sandboxing " +
            'Content-Security-Policy: inline styles and `data:` images only, framed by this origin only',
          parameters: [param('business'), param('id')],
          responses: {
            '200': html('The HTML part, as sent'),
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/hooks/{business}/shopify': hook(
        'shopifyOrderWebhook',
        'Shopify `orders/fulfilled` (other topics are answered and ignored)',
        [
          signature('X-Shopify-Hmac-Sha256', 'Base64 HMAC-SHA256 of the raw body with the webhook secret'),
          { name: 'X-Shopify-Topic', in: 'header', required: true, schema: { type: 'string' } },
        ],
        { type: 'object', description: "Shopify's Order" },
      ),
      '/v1/hooks/{business}/woocommerce': hook(
        'wooCommerceOrderWebhook',
        'A WooCommerce order; recorded when `completed`. The ping `webhook_id=…` is answered.',
        [signature('X-WC-Webhook-Signature', 'Base64 HMAC-SHA256 of the raw body with the webhook secret')],
        { type: 'object', description: "WooCommerce's Order" },
      ),
      '/v1/hooks/{business}/orders': hook(
        'orderWebhook',
        'One order, signed by the sender',
        [signature('Verity-Signature', '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`; at most 5 minutes old')],
        ref('OrderInput'),
      ),
      '/v1/unsubscribe/{token}': {
        get: {
          tags: ['customers'],
          operationId: 'optOutPage',
          summary: 'The opt-out link of an invitation e-mail: a page with a button (a GET changes nothing)',
          parameters: [param('token')],
          responses: { '200': html('The confirm page'), '404': html('Unknown link') },
        },
        post: {
          tags: ['customers'],
          operationId: 'optOut',
          summary: 'One-click opt-out (RFC 8058): no more invitations from this business to this address (R13)',
          parameters: [param('token')],
          responses: { '200': html('Done'), '404': html('Unknown link') },
        },
      },
      '/v1/admin/businesses/{business}/reviews': {
        get: {
          ...admin,
          operationId: 'listReviewsForModeration',
          summary: 'The moderation queue, or the published or rejected reviews, with private fields',
          parameters: [
            param('business'),
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...REVIEW_STATUSES], default: 'pending' } },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['newest', 'oldest'], default: 'newest' } },
            param('product'),
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault },
            },
          ],
          responses: {
            '200': { description: 'One page', ...json(ref('AdminReviewPage')) },
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/reviews/{id}': {
        get: {
          ...admin,
          operationId: 'getReviewForModeration',
          summary: 'One review in any status, with private fields',
          parameters: [param('id')],
          responses: { '200': { description: 'The review', ...json(ref('AdminReview')) }, ...unauthorized, ...errors },
        },
      },
      '/v1/admin/reviews/{id}/moderation': {
        post: {
          ...admin,
          operationId: 'moderateReview',
          summary: `${MODERATION_DECISIONS.join(' or ')}; a rejection needs an R4 reason (never the rating)`,
          parameters: [param('id')],
          ...body('ModerationInput'),
          responses: { '200': { description: 'Decided', ...json(ref('AdminReview')) }, ...unauthorized, ...errors },
        },
      },
      '/v1/admin/reviews/{id}/reply': {
        post: {
          ...admin,
          operationId: 'replyToReview',
          summary: "The business's public reply under a review (R6)",
          parameters: [param('id')],
          ...body('ReplyInput'),
          responses: { '200': { description: 'Replied', ...json(ref('AdminReview')) }, ...unauthorized, ...errors },
        },
      },
      ...reviewerPaths(),
      '/v1/admin/reviews/{id}/identity-requests': {
        post: {
          ...admin,
          operationId: 'findReviewer',
          summary:
            "Find reviewer (SPEC §7): asks the review's author once, in their language, for what helps find the order (3 days to answer)",
          parameters: [param('id')],
          responses: {
            '201': { description: 'Asked', ...json(ref('IdentityRequestCreated')) },
            '409': error('conflict: the author was asked already'),
            '422': error(
              'verified_by_invitation: never for a review verified by invitation · no_address: nobody to ask',
            ),
            ...unauthorized,
            ...errors,
          },
        },
        get: {
          ...admin,
          operationId: 'getIdentityRequest',
          summary: "The request's state and the author's answer (the business's members only)",
          parameters: [param('id')],
          responses: {
            '200': { description: 'The request', ...json(ref('IdentityRequest')) },
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/reviews/{id}/not-genuine': {
        post: {
          ...admin,
          operationId: 'reportNotGenuine',
          summary:
            'After an unanswered request: reports the review not based on a genuine experience (R10); the author is asked for proof, and without it in 7 days the review is removed for that reason (R13)',
          parameters: [param('id')],
          responses: {
            '202': {
              description: 'The author is asked for proof',
              ...json(jsonSchema(proofDueSchema, 'output')),
            },
            '409': error(
              'conflict: nobody asked yet, the author still has time, answered, or was asked for proof already',
            ),
            '422': error('report_window_closed: the review is older than 12 months'),
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses/{business}/people/{email}': {
        delete: {
          ...admin,
          operationId: 'erasePerson',
          summary:
            "Erases everything of one e-mail address at the business: its reviews, orders, invitations and messages (the owner's or the operator's call); the summary and caches follow",
          parameters: [
            param('business'),
            { name: 'email', in: 'path', required: true, schema: { type: 'string', format: 'email' } },
          ],
          responses: { '200': { description: 'Erased', ...json(ref('ErasureResult')) }, ...unauthorized, ...errors },
        },
      },
      '/v1/admin/businesses/{business}/imports': {
        post: {
          ...admin,
          operationId: 'importReviews',
          summary: 'Reviews from another system, stored as imported (R1) and never counted (R2)',
          parameters: [param('business')],
          ...body('ImportInput'),
          responses: {
            '201': { description: 'Imported', ...json(ref('ImportResult')) },
            '413': error('payload_too_large'),
            ...unauthorized,
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        reviewerLink: {
          type: 'http',
          scheme: 'bearer',
          description: "The token of a link e-mailed to a review's author: one review, one purpose, expiring",
        },
        adminToken: { type: 'http', scheme: 'bearer', description: 'VERITY_ADMIN_TOKEN of the server' },
        memberSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'verity_session',
          description:
            "A member's session (POST /v1/auth/session); state-changing requests must carry the dashboard's Origin",
        },
      },
      parameters: {
        business: { name: 'business', in: 'path', required: true, schema: { type: 'string' } },
        id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        token: { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
        cursor: { name: 'cursor', in: 'query', description: 'From `nextCursor`', schema: { type: 'string' } },
        limit: {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault },
        },
        product: {
          name: 'product',
          in: 'query',
          description: "A product SKU: the product's reviews instead of the shop's",
          schema: { type: 'string' },
        },
      },
      schemas: {
        Summary: jsonSchema(summarySchema, 'output'),
        SummaryBatch: {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', maxItems: LIMITS.summaryBatchMax, items: ref('Summary') } },
        },
        Review: jsonSchema(reviewSchema, 'output'),
        ReviewPage: jsonSchema(reviewPageSchema, 'output'),
        SubmitResult: jsonSchema(submitResultSchema, 'output'),
        HelpfulResult: jsonSchema(helpfulResultSchema, 'output'),
        Error: jsonSchema(apiErrorSchema, 'output'),
        ReviewInput: jsonSchema(reviewInputSchema, 'input'),
        ReportInput: jsonSchema(reportInputSchema, 'input'),
        BusinessInput: jsonSchema(businessInputSchema, 'input'),
        OrderInput: jsonSchema(orderInputSchema, 'input'),
        InvitationInput: jsonSchema(invitationInputSchema, 'input'),
        ModerationInput: jsonSchema(moderationInputSchema, 'input'),
        ReplyInput: jsonSchema(replyInputSchema, 'input'),
        ImportInput: jsonSchema(importInputSchema, 'input'),
        AdminBusiness: jsonSchema(adminBusinessSchema, 'output'),
        Order: jsonSchema(orderSchema, 'output'),
        Invitation: jsonSchema(invitationSchema, 'output'),
        AdminReview: jsonSchema(adminReviewSchema, 'output'),
        AdminReviewPage: jsonSchema(adminReviewPageSchema, 'output'),
        ImportResult: jsonSchema(importResultSchema, 'output'),
        BusinessPatch: jsonSchema(businessPatchSchema, 'input'),
        WebhookSecretInput: jsonSchema(webhookSecretInputSchema, 'input'),
        WebhookSecret: jsonSchema(webhookSecretSchema, 'output'),
        OrderBatchResult: jsonSchema(orderBatchResultSchema, 'output'),
        HookResult: jsonSchema(hookResultSchema, 'output'),
        AdminInvitationPage: jsonSchema(adminInvitationPageSchema, 'output'),
        OutboxPage: jsonSchema(outboxPageSchema, 'output'),
        SignInInput: jsonSchema(signInInputSchema, 'input'),
        SessionInput: jsonSchema(sessionInputSchema, 'input'),
        Me: jsonSchema(meSchema, 'output'),
        SessionList: jsonSchema(sessionListSchema, 'output'),
        MemberInput: jsonSchema(memberInputSchema, 'input'),
        MemberPatch: jsonSchema(memberPatchSchema, 'input'),
        Member: jsonSchema(memberSchema, 'output'),
        MemberList: jsonSchema(memberListSchema, 'output'),
        History: jsonSchema(historySchema, 'output'),
        AdminReportPage: jsonSchema(adminReportPageSchema, 'output'),
        Insights: jsonSchema(insightsSchema, 'output'),
        ReviewerReview: jsonSchema(reviewerReviewSchema, 'output'),
        ReviewerEdit: jsonSchema(reviewerEditSchema, 'input'),
        ConfirmResult: jsonSchema(confirmResultSchema, 'output'),
        ErasureResult: jsonSchema(erasureResultSchema, 'output'),
        IdentityAnswer: jsonSchema(identityAnswerSchema, 'input'),
        IdentityRequest: jsonSchema(identityRequestSchema, 'output'),
        IdentityRequestCreated: jsonSchema(identityRequestCreatedSchema, 'output'),
      },
    },
  };
}

/** What a review's author does with the links e-mailed to them (SPEC §7); the `/reviewer/` pages use the same. */
function reviewerPaths(): Json {
  const reviewer = { security: [{ reviewerLink: [] }], tags: ['reviewers'] };
  const linkErrors = {
    '401': error('unauthorized: no token (`Authorization: Bearer <token>`)'),
    '404': error('not_found: the link does not work: unknown, expired, for another purpose, or its review is gone'),
  };
  return {
    '/v1/reviewer/confirm': {
      post: {
        ...reviewer,
        operationId: 'confirmReview',
        summary:
          'Confirms a spontaneous review (the confirm link): it then waits for moderation, verified by its order reference when that matches a recorded order of the same address',
        responses: {
          '200': { description: 'Confirmed (again: unchanged)', ...json(ref('ConfirmResult')) },
          ...linkErrors,
        },
      },
    },
    '/v1/reviewer/identity': {
      post: {
        ...reviewer,
        operationId: 'answerIdentityRequest',
        summary:
          'The author answers "Find reviewer" or sends proof (the identify link): e-mail, order reference, full name, phone, each optional; seen by the business\'s members only',
        ...body('IdentityAnswer'),
        responses: {
          '200': {
            description: 'Sent',
            ...json({ type: 'object', properties: { answeredAt: { type: 'string', format: 'date-time' } } }),
          },
          '400': error('validation_failed: nothing given, or a field too long'),
          '409': error('conflict: answered already'),
          ...linkErrors,
        },
      },
    },
    '/v1/reviewer/review': {
      get: {
        ...reviewer,
        operationId: 'getOwnReview',
        summary: 'Everything stored about the review (the manage link): the data export',
        responses: { '200': { description: 'The review', ...json(ref('ReviewerReview')) }, ...linkErrors },
      },
      patch: {
        ...reviewer,
        operationId: 'editOwnReview',
        summary: 'Edits rating, title or text: moderated again, then shown as edited; the summary follows at once',
        ...body('ReviewerEdit'),
        responses: {
          '200': { description: 'Saved', ...json(ref('ReviewerReview')) },
          '400': error('validation_failed'),
          ...linkErrors,
        },
      },
      delete: {
        ...reviewer,
        operationId: 'withdrawOwnReview',
        summary: 'Withdraws the review: gone from every public answer and the summary at once, its data deleted',
        responses: { '204': { description: 'Withdrawn' }, ...linkErrors },
      },
    },
  };
}

/** Sign-in, sessions, members and what the dashboard's screens read (SPEC §7). */
function dashboardPaths(): Json {
  const ok = (description: string, schema?: string) => ({
    '200': { description, ...(schema ? json(ref(schema)) : {}) },
  });
  return {
    '/v1/auth/sign-in': {
      post: {
        tags: ['dashboard'],
        operationId: 'askSignInLink',
        summary: 'E-mails a one-time sign-in link (15 minutes) if the address is a member; never says whether it is',
        ...body('SignInInput'),
        responses: { '202': { description: 'Asked' }, ...errors },
      },
    },
    '/v1/auth/session': {
      post: {
        tags: ['dashboard'],
        operationId: 'openSession',
        summary:
          "Uses a sign-in link's token once; sets the session cookie (HttpOnly, SameSite=Lax, Secure over https)",
        ...body('SessionInput'),
        responses: { ...ok('Signed in', 'Me'), ...errors },
      },
    },
    '/v1/auth/me': {
      get: {
        ...session,
        operationId: 'me',
        summary: 'Who is signed in, and where',
        responses: { ...ok('Me', 'Me'), ...unauthorized },
      },
    },
    '/v1/auth/sign-out': {
      post: {
        ...session,
        operationId: 'signOut',
        summary: 'Ends this session',
        responses: { '204': { description: 'Signed out' } },
      },
    },
    '/v1/auth/sessions': {
      get: {
        ...session,
        operationId: 'listSessions',
        summary: "The signed-in member's sessions",
        responses: { ...ok('Sessions', 'SessionList'), ...unauthorized },
      },
    },
    '/v1/auth/sessions/{id}': {
      delete: {
        ...session,
        operationId: 'endSession',
        summary: 'Ends one of this member’s sessions',
        parameters: [param('id')],
        responses: { '204': { description: 'Ended' }, ...unauthorized, ...errors },
      },
    },
    '/v1/admin/businesses/{business}/members': {
      get: {
        ...admin,
        operationId: 'listMembers',
        summary: 'The members of a business (owners)',
        parameters: [param('business')],
        responses: { ...ok('Members', 'MemberList'), ...unauthorized, ...errors },
      },
      post: {
        ...admin,
        operationId: 'addMember',
        summary: 'Adds a member (or changes their role) and e-mails them a sign-in link (owners)',
        parameters: [param('business')],
        ...body('MemberInput'),
        responses: {
          '201': { description: 'Added', ...json(ref('Member')) },
          ...ok('Role changed', 'Member'),
          ...unauthorized,
          ...errors,
        },
      },
    },
    '/v1/admin/businesses/{business}/members/{id}': {
      patch: {
        ...admin,
        operationId: 'changeMemberRole',
        summary: 'Changes a role; the last owner stays an owner (409)',
        parameters: [param('business'), param('id')],
        ...body('MemberPatch'),
        responses: { ...ok('Changed', 'Member'), '409': error('conflict: the last owner'), ...unauthorized, ...errors },
      },
      delete: {
        ...admin,
        operationId: 'removeMember',
        summary: 'Removes a member; never the last owner (409)',
        parameters: [param('business'), param('id')],
        responses: {
          '204': { description: 'Removed' },
          '409': error('conflict: the last owner'),
          ...unauthorized,
          ...errors,
        },
      },
    },
    '/v1/admin/reviews/{id}/history': {
      get: {
        ...admin,
        operationId: 'reviewHistory',
        summary: 'What happened to a review and who did it, oldest first',
        parameters: [param('id')],
        responses: { ...ok('History', 'History'), ...unauthorized, ...errors },
      },
    },
    '/v1/admin/businesses/{business}/reports': {
      get: {
        ...admin,
        operationId: 'listReports',
        summary: 'Reports (R10) and their outcome, newest first',
        parameters: [
          param('business'),
          { name: 'outcome', in: 'query', schema: { type: 'string', enum: [...REPORT_OUTCOMES] } },
          param('cursor'),
          param('limit'),
        ],
        responses: { ...ok('One page', 'AdminReportPage'), ...unauthorized, ...errors },
      },
    },
    '/v1/admin/businesses/{business}/insights': {
      get: {
        ...admin,
        operationId: 'insights',
        summary: 'The score month by month, the distribution, volumes, invited and answered shares, time to moderate',
        parameters: [param('business')],
        responses: { ...ok('The last 12 months', 'Insights'), ...unauthorized, ...errors },
      },
    },
  };
}

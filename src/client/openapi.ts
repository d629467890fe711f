/**
 * The OpenAPI 3.1 document of contract v1, generated from the same zod schemas the client, the
 * mocks and the server validate with. `npm run build` writes it to `dist/openapi.json`.
 */
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
} from './schemas.js';
import {
  MODERATION_DECISIONS,
  REVIEW_STATUSES,
  adminBusinessSchema,
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
} from './admin-schemas.js';

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

const admin = {
  security: [{ adminToken: [] }],
  tags: ['admin'],
};
const unauthorized = { '401': error('unauthorized: no valid admin token (every admin route)') };
const body = (name: string) => ({ requestBody: { required: true, ...json(ref(name)) } });

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
      '/v1/businesses/{business}/summary': {
        get: {
          operationId: 'getSummary',
          summary: 'The score (R2) and counts of a business or one of its products',
          parameters: [param('business'), param('product')],
          responses: { '200': { description: 'The summary', ...json(ref('Summary')) }, ...errors },
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
      '/v1/admin/businesses/{business}/orders': {
        post: {
          ...admin,
          operationId: 'recordOrder',
          summary: 'Record an order (R9: it counts toward the invited share)',
          parameters: [param('business')],
          ...body('OrderInput'),
          responses: {
            '201': { description: 'Recorded', ...json(ref('Order')) },
            '409': error('conflict: the order was recorded before'),
            ...unauthorized,
            ...errors,
          },
        },
      },
      '/v1/admin/businesses/{business}/invitations': {
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
        adminToken: { type: 'http', scheme: 'bearer', description: 'VERITY_ADMIN_TOKEN of the server' },
      },
      parameters: {
        business: { name: 'business', in: 'path', required: true, schema: { type: 'string' } },
        id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        product: {
          name: 'product',
          in: 'query',
          description: "A product SKU: the product's reviews instead of the shop's",
          schema: { type: 'string' },
        },
      },
      schemas: {
        Summary: jsonSchema(summarySchema, 'output'),
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
      },
    },
  };
}

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

const errors = {
  '400': error('validation_failed: `error.fields` names each invalid field with a problem code'),
  '404': error('not_found'),
  '429': {
    ...error('rate_limited'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  },
  '500': error('internal'),
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
          summary: 'Count a "helpful" vote',
          parameters: [param('id')],
          responses: { '200': { description: 'The new count', ...json(ref('HelpfulResult')) }, ...errors },
        },
      },
      '/v1/reviews/{id}/reports': {
        post: {
          operationId: 'reportReview',
          summary: `Report a review (R10): ${REPORT_REASONS.join(', ')}`,
          parameters: [param('id')],
          requestBody: { required: true, ...json(ref('ReportInput')) },
          responses: {
            '202': { description: 'Accepted for moderation' },
            '422': error('report_window_closed: "not_genuine" on a review older than 12 months'),
            ...errors,
          },
        },
      },
    },
    components: {
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
      },
    },
  };
}

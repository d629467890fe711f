import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Kysely } from 'kysely';
import { createApp } from '../../server/app.js';
import type { Tables } from '../../server/db/schema.js';
import { openApiDocument } from '../../src/contract/openapi.js';

describe('openapi.json', () => {
  const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Parameters<Validator['validate']>[0]);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );

  const contract = (route: string) => !/\/(admin|hooks|unsubscribe|auth|reviewer)\//.test(route);

  it('has every route of contract v1', () => {
    assert.deepEqual(routes.filter(contract).sort(), [
      'GET /v1/businesses/{business}/reviews',
      'GET /v1/businesses/{business}/summaries',
      'GET /v1/businesses/{business}/summary',
      'GET /v1/reviews/{id}',
      'POST /v1/businesses/{business}/reviews',
      'POST /v1/reviews/{id}/helpful',
      'POST /v1/reviews/{id}/reports',
    ]);
  });

  it('documents every route the server has, and only those', () => {
    // The server's own route table: a route added there and not here (or the other way) fails.
    const { app } = createApp({ db: {} as Kysely<Tables> });
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
      .map((r) => `${r.method} ${r.path.replace(/:([a-z]+)/gi, '{$1}')}`);
    assert.deepEqual([...new Set(served)].sort(), [...routes].sort());
  });

  it('puts every admin route behind the admin token or a member session, each with its 401 and 403', () => {
    assert.ok(routes.filter((route) => route.includes('/admin/')).length >= 19);
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.includes('/admin/')) continue;
      for (const operation of Object.values(methods) as { security?: unknown; responses: Record<string, unknown> }[]) {
        assert.deepEqual(operation.security, [{ adminToken: [] }, { memberSession: [] }], path);
        assert.ok(operation.responses['401'], `${path} documents its 401`);
        assert.ok(operation.responses['403'], `${path} documents its 403`);
      }
    }
  });

  it('has the order webhooks, each signed, and the public opt-out', () => {
    assert.deepEqual(routes.filter((route) => !contract(route) && !/\/(admin|auth|reviewer)\//.test(route)).sort(), [
      'GET /v1/unsubscribe/{token}',
      'POST /v1/hooks/{business}/orders',
      'POST /v1/hooks/{business}/shopify',
      'POST /v1/hooks/{business}/woocommerce',
      'POST /v1/unsubscribe/{token}',
    ]);
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.includes('/hooks/')) continue;
      const operation = (methods as { post: { parameters: { in?: string; required?: boolean }[]; responses: object } })
        .post;
      assert.ok(
        operation.parameters.some((p) => p.in === 'header' && p.required),
        `${path} names its signature`,
      );
      assert.ok('401' in operation.responses, `${path} documents its 401`);
    }
  });

  it("has the reviewer's routes, each behind the link's token with its 401 and 404", () => {
    assert.deepEqual(routes.filter((route) => route.includes('/reviewer/')).sort(), [
      'DELETE /v1/reviewer/review',
      'GET /v1/reviewer/review',
      'PATCH /v1/reviewer/review',
      'POST /v1/reviewer/confirm',
      'POST /v1/reviewer/identity',
    ]);
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.includes('/reviewer/')) continue;
      for (const operation of Object.values(methods) as { security?: unknown; responses: Record<string, unknown> }[]) {
        assert.deepEqual(operation.security, [{ reviewerLink: [] }], path);
        assert.ok(operation.responses['401'] && operation.responses['404'], path);
      }
    }
  });

  it('describes the CSV upload of orders beside the JSON one', () => {
    const orders = document.paths['/v1/admin/businesses/{business}/orders'] as {
      post: { requestBody: { content: Record<string, unknown> } };
    };
    assert.deepEqual(Object.keys(orders.post.requestBody.content).sort(), ['application/json', 'text/csv']);
  });

  it('describes the schemas from zod, open to new optional fields', () => {
    const schemas = (
      document as unknown as {
        components: {
          schemas: Record<string, { properties?: object; required?: string[]; additionalProperties?: unknown }>;
        };
      }
    ).components.schemas;
    assert.deepEqual(Object.keys(schemas.Review!.properties!).sort(), [
      'author',
      'body',
      'business',
      'countsTowardScore',
      'createdAt',
      'editedAt',
      'experiencedAt',
      'helpfulCount',
      'id',
      'language',
      'product',
      'rating',
      'reply',
      'title',
      'url',
      'verification',
    ]);
    assert.equal(schemas.Summary!.additionalProperties, undefined);
    assert.ok(schemas.ReviewInput!.required!.includes('consent'));
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { safeParse } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import { FILES, GENERATED, generatedFile, outputOf } from '../../scripts/generate-checks.js';
import { parser } from '../../src/client/check.js';
import type { Check, Issue } from '../../src/client/check.js';
import * as answerChecks from '../../src/client/contract-checks.js';
import * as inputChecks from '../../src/client/input-checks.js';
import * as schemas from '../../src/client/schemas.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../../src/mocks/fixtures.js';
import { MockStore } from '../../src/mocks/store.js';

/** Values no field of the contract takes all of: each replaces every field in turn. */
const HOSTILE: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  'ok text',
  '2026-11-10',
  '2026-11-10T12:00:00Z',
  '2026-02-30T12:00:00Z',
  'a\u0000b',
  '\u200b\u200b',
  'line\r\nbreak',
  'x'.repeat(5001),
  0,
  -1,
  1,
  1.5,
  5,
  6,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  [1, 'x'],
  {},
  { nested: true },
];

type Json = Record<string, unknown>;

/** Every path into a value, objects and arrays alike, the value's own (empty path) first. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const own = [prefix];
  if (Array.isArray(value)) return [...own, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...own, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  }
  return own;
}

/** A copy of `value` with `path` set to `replacement` (left out for `undefined` when `remove`). */
function replaced(value: unknown, path: PropertyKey[], replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Json) }) as Json;
  const [head, ...rest] = path as string[];
  if (rest.length === 0 && remove) delete copy[head!];
  else copy[head!] = replaced(copy[head!], rest, replacement, remove);
  return copy;
}

/** What a checker answers, in terms both can be compared in. */
function zodAnswer(schema: ZodMiniType, value: unknown) {
  const result = safeParse(schema, value, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: firstPerField(result.error.issues as unknown as Issue[]) };
}

/**
 * What the client and the form read of the issues: the fields, in order, and the first problem of
 * each. (zod goes on checking a length after a wrong type, which adds nothing anyone reads.)
 */
function firstPerField(issues: readonly Issue[]) {
  const seen = new Map<string, Pick<Issue, 'code' | 'path' | 'origin' | 'input'>>();
  for (const { code, path, origin, input } of issues) {
    const key = path.map(String).join('.');
    if (!seen.has(key)) seen.set(key, { code, path, origin, input });
  }
  return [...seen.values()];
}

function generatedAnswer(check: Check, value: unknown) {
  const result = parser(check)(value);
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: firstPerField(result.issues) };
}

/** Compares both on the value, on each field replaced by every hostile value, and on each field left out. */
function compareAround(name: string, valid: unknown): number {
  const schema = (schemas as unknown as Record<string, ZodMiniType>)[GENERATED[name]![0]]!;
  const check = ({ ...answerChecks, ...inputChecks } as unknown as Record<string, Check>)[name]!;
  let compared = 0;
  const same = (value: unknown, what: string) => {
    const expected = zodAnswer(schema, value);
    const actual = generatedAnswer(check, value);
    // zod leaves the origin out for some issues; where it says one, the generated check says the same.
    if (!actual.success && !expected.success) {
      actual.issues!.forEach((issue, i) => {
        if (expected.issues![i] && expected.issues![i]!.origin === undefined) issue.origin = undefined;
      });
    }
    assert.deepEqual(actual, expected, `${name}: ${what}`);
    compared += 1;
  };
  same(valid, 'the valid value');
  for (const path of paths(valid)) {
    for (const hostile of HOSTILE) same(replaced(valid, path, hostile), `${path.join('.')} = ${String(hostile)}`);
    if (path.length > 0) same(replaced(valid, path, undefined, true), `${path.join('.')} left out`);
  }
  same({ ...(valid as Json), extra: 'field' }, 'an unknown field');
  return compared;
}

const store = new MockStore();
const json = (answer: { body?: unknown }) => JSON.parse(JSON.stringify(answer.body)) as Json;
const summary = json(store.summaryAnswer(DEMO_BUSINESS, Object.values(DEMO_PRODUCTS)[0]));
const page = json(store.list(DEMO_BUSINESS, new URLSearchParams({ limit: '2' })));
const review = (page.items as Json[])[0]!;

describe('the generated checks (src/client/contract-checks.ts, input-checks.ts)', () => {
  it('are what `npm run generate` writes from the schemas', async () => {
    for (const file of Object.keys(FILES) as (keyof typeof FILES)[]) {
      assert.equal(
        readFileSync(outputOf(file), 'utf8'),
        await generatedFile(file),
        `src/client/${file} is out of date: run \`npm run generate\``,
      );
    }
  });

  it('answer a summary as zod does, field by field', () => {
    assert.ok(summary.product, 'a product summary');
    const count = compareAround('summaryCheck', summary);
    compareAround('summaryCheck', { ...summary, rating: { average: null, grade: null, count: 0, windowMonths: 12 } });
    // R2's refinement: a score without reviews, a grade without a score.
    compareAround('summaryCheck', { ...summary, rating: { average: 4.5, grade: 'good', count: 0, windowMonths: 12 } });
    compareAround('summaryBatchCheck', { items: [summary, summary] });
    assert.ok(count > 500, `compared ${count} values`);
  });

  it('answer reviews, pages, results and errors as zod does', () => {
    compareAround('reviewCheck', review);
    compareAround('reviewCheck', {
      ...review,
      reply: { body: 'Thanks', createdAt: '2026-11-01T10:00:00Z', authorName: 'Shop' },
    });
    compareAround('reviewPageCheck', page);
    compareAround('reviewPageCheck', { ...page, totalCapped: true });
    compareAround('submitResultCheck', {
      id: 'r1',
      status: 'pending',
      verification: { status: 'unverified', method: null },
      confirmation: 'email',
    });
    compareAround('helpfulResultCheck', { helpfulCount: 3 });
    compareAround('apiErrorCheck', {
      error: { code: 'validation_failed', message: 'No', fields: { body: 'too_short' } },
    });
  });

  it('check and trim a submission as zod does', () => {
    const input = {
      product: 'sku-1',
      rating: 4,
      title: '  Good  ',
      body: '  Fresh beans,\r\nquick delivery and a friendly note.  ',
      authorName: ' Anna L. ',
      email: 'anna@mail.example',
      experiencedAt: '2026-11-10',
      language: 'sv-FI',
      orderReference: 'A-1001',
      consent: true,
      website: '',
    };
    compareAround('reviewInputCheck', input);
    const { email: _email, ...invited } = input;
    compareAround('reviewInputCheck', { ...invited, invitationToken: 'tok' });
    // The e-mail rule is a refinement: without an invitation and without an address.
    compareAround('reviewInputCheck', invited);
    for (const text of ['\u200b\u200b\u200b', 'ㅤㅤ', '\t\ttabbed', 'a\u0007b', 'e\u0301', '⠀⠀⠀']) {
      compareAround('reviewInputCheck', { ...input, title: text, authorName: text, body: text.repeat(20) });
    }
  });
});

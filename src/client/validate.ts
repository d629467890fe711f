/**
 * Validation of a review submission, shared by the form (before it sends), the mocks and the
 * reference server (before they store): the contract's schema plus rule R7's date window.
 * Field problems are machine codes, so every widget can say them in its own language.
 */
import { safeParse } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import { experienceDateProblem } from '../rules/windows.js';
import { parser } from './check.js';
import type { Issue as CheckIssue } from './check.js';
import { reviewInputCheck } from './input-checks.js';
import type { ReviewInput } from './schemas.js';

export const FIELD_PROBLEMS = [
  'required',
  'too_short',
  'too_long',
  'invalid',
  'future',
  'too_old',
  'invalid_invitation',
  'invitation_used',
  'invitation_expired',
  /** `product`: the invitation is for another product than the review. */
  'invitation_mismatch',
  'unknown_product',
  'invalid_token',
  /** A list with more entries than the API takes (the batched summaries' `products`). */
  'too_many',
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

/**
 * Problems only the API can find (the form cannot check them before it sends): each has a code of
 * its own, so a form can say exactly what is wrong with its invitation link or product, even where
 * it shows no field for them.
 */
export const SERVER_FIELD_PROBLEMS = {
  invitationToken: ['invalid_invitation', 'invitation_used', 'invitation_expired'],
  product: ['unknown_product', 'invitation_mismatch'],
} as const satisfies Record<string, readonly FieldProblem[]>;

/** Field name → problem code, as the API sends in `error.fields`. */
export type FieldErrors = Partial<Record<string, FieldProblem>>;

export type ReviewInputResult =
  { success: true; data: ReviewInput & { title: string | null } } | { success: false; fields: FieldErrors };

/** What is read of an issue, zod's or a generated check's (check.ts), which have the same shape. */
type Issue = Pick<CheckIssue, 'path' | 'input' | 'origin'> & { code: string };

function problemOf(issue: Issue): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin !== 'string') return 'invalid';
      return issue.input === '' ? 'required' : 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'invalid_value':
      // The consent literal: anything but `true` means it was not given.
      return 'required';
    case 'custom':
      return 'required';
    default:
      return 'invalid';
  }
}

const parseReviewInput = parser(reviewInputCheck);

/**
 * Validates a submission at `now`; on success returns it trimmed, with `title: null` for no title.
 * It runs the checks generated from `reviewInputSchema`, so the form carries no zod.
 */
export function validateReviewInput(input: unknown, now: Date = new Date()): ReviewInputResult {
  const fields: FieldErrors = {};
  const parsed = parseReviewInput(input);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const field = String(issue.path[0] ?? 'body');
      fields[field] ??= problemOf(issue);
    }
  }
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  // The schema's e-mail rule is a refinement, skipped while a field has the wrong type or value:
  // check it here too, so a failed submit names every problem at once.
  if (!given.invitationToken && !given.email) fields.email ??= 'required';
  const experiencedAt = given.experiencedAt;
  if (typeof experiencedAt === 'string' && !fields.experiencedAt) {
    const problem = experienceDateProblem(experiencedAt, now);
    if (problem) fields.experiencedAt = problem;
  }
  if (!parsed.success || Object.keys(fields).length > 0) return { success: false, fields };
  const title = parsed.data.title?.trim() ? parsed.data.title.trim() : null;
  return { success: true, data: { ...parsed.data, title } };
}

/**
 * Validates any input with a schema (the admin API's, for one), naming each invalid field by its
 * dotted path (`reviews.3.rating`) with a problem code. The input must already be an object.
 */
export function validateInput<T>(
  schema: ZodMiniType<T>,
  input: unknown,
): { success: true; data: T } | { success: false; fields: FieldErrors } {
  const parsed = safeParse(schema, input, { reportInput: true });
  if (parsed.success) return { success: true, data: parsed.data };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues as unknown as Issue[]) {
    const field = issue.path.map(String).join('.') || 'request';
    // An option outside an enum is invalid; only a missing one is required.
    fields[field] ??= issue.code === 'invalid_value' && issue.input !== undefined ? 'invalid' : problemOf(issue);
  }
  return { success: false, fields };
}

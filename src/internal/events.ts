/**
 * Verity's events. Each is a class, bubbles and is composed (it leaves the shadow root), and is
 * declared in `GlobalEventHandlersEventMap`, so
 * `el.addEventListener('verity-error', (e) => e.detail.code)` type-checks.
 */
import type { ClientErrorCode } from '../client/errors.js';
import type { SubmissionStatus } from '../client/schemas.js';

/** Codes of `verity-error`: the client's, plus the widgets' own. */
export type VerityErrorCode =
  | ClientErrorCode
  /** Neither the element, a provider nor the page configuration names the API or the business. */
  | 'missing_config'
  /** A quote's excerpt is not verbatim (R5). */
  | 'quote_mismatch'
  /** A quoted review belongs to another business, or to another product than the quote's. */
  | 'foreign_review'
  /** Anything unexpected. */
  | 'unknown';

export interface VerityErrorDetail {
  code: VerityErrorCode;
  message: string;
}

abstract class VerityEvent<T> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired when a widget failed; it shows its own fallback and never throws into the page. */
export class VerityErrorEvent extends VerityEvent<VerityErrorDetail> {
  constructor(detail: VerityErrorDetail) {
    super('verity-error', detail);
  }
}

export interface VerityLoadDetail {
  /** What was loaded, e.g. `summary`. */
  kind: string;
}

/** Fired when a widget has loaded its data and shows it. */
export class VerityLoadEvent extends VerityEvent<VerityLoadDetail> {
  constructor(detail: VerityLoadDetail) {
    super('verity-load', detail);
  }
}

export interface VerityReviewSubmittedDetail {
  id: string;
  status: SubmissionStatus;
}

/** Fired by the review form when the API accepted a review. */
export class VerityReviewSubmittedEvent extends VerityEvent<VerityReviewSubmittedDetail> {
  constructor(detail: VerityReviewSubmittedDetail) {
    super('verity-review-submitted', detail);
  }
}

export interface VerityFilterChangeDetail {
  rating: number[];
  verified: boolean;
  sort: string;
  q: string;
  language: string | null;
}

/** Fired by the review list when the visitor changes a filter, the sort or the search. */
export class VerityFilterChangeEvent extends VerityEvent<VerityFilterChangeDetail> {
  constructor(detail: VerityFilterChangeDetail) {
    super('verity-filter-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'verity-error': VerityErrorEvent;
    'verity-load': VerityLoadEvent;
    'verity-review-submitted': VerityReviewSubmittedEvent;
    'verity-filter-change': VerityFilterChangeEvent;
  }
}

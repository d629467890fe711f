/**
 * `verity-reviews/react`: the widgets as React components with typed props and events.
 *
 *   import { RatingBadge, ReviewList } from 'verity-reviews/react';
 *   <RatingBadge business="my-shop" api="https://reviews.example.com" onVerityError={(e) => log(e.detail.code)} />
 *
 * Importing this registers the tags.
 */
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import * as React from 'react';
import { VerityProvider } from './components/provider/provider.js';
import { VerityRatingBadge } from './components/rating-badge/rating-badge.js';
import { VerityReviewForm } from './components/review-form/review-form.js';
import { VerityReviewList } from './components/review-list/review-list.js';
import { VerityReviewQuote } from './components/review-quote/review-quote.js';
import { VerityStarInput } from './components/star-input/star-input.js';
import { VerityStars } from './components/stars/stars.js';
import './define.js';
import type {
  VerityErrorEvent,
  VerityFilterChangeEvent,
  VerityLoadEvent,
  VerityReviewSubmittedEvent,
} from './internal/events.js';

const dataEvents = {
  onVerityLoad: 'verity-load' as EventName<VerityLoadEvent>,
  onVerityError: 'verity-error' as EventName<VerityErrorEvent>,
};

export const RatingBadge = createComponent({
  tagName: 'verity-rating-badge',
  elementClass: VerityRatingBadge,
  react: React,
  events: dataEvents,
});

export const ReviewList = createComponent({
  tagName: 'verity-review-list',
  elementClass: VerityReviewList,
  react: React,
  events: { ...dataEvents, onVerityFilterChange: 'verity-filter-change' as EventName<VerityFilterChangeEvent> },
});

export const ReviewQuote = createComponent({
  tagName: 'verity-review-quote',
  elementClass: VerityReviewQuote,
  react: React,
  events: dataEvents,
});

export const ReviewForm = createComponent({
  tagName: 'verity-review-form',
  elementClass: VerityReviewForm,
  react: React,
  events: {
    onVerityError: 'verity-error' as EventName<VerityErrorEvent>,
    onVerityReviewSubmitted: 'verity-review-submitted' as EventName<VerityReviewSubmittedEvent>,
  },
});

export const StarInput = createComponent({
  tagName: 'verity-star-input',
  elementClass: VerityStarInput,
  react: React,
  events: { onChange: 'change' },
});

export const Stars = createComponent({ tagName: 'verity-stars', elementClass: VerityStars, react: React });

export const Provider = createComponent({ tagName: 'verity-provider', elementClass: VerityProvider, react: React });

import { defineElement } from '../../internal/define.js';
import { VerityDashReview } from './review.js';
import { VerityDashReviews } from './reviews.js';

defineElement('verity-dash-reviews', VerityDashReviews);
defineElement('verity-dash-review', VerityDashReview);

export { VerityDashReview, VerityDashReviews };

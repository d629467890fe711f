import { defineElement } from '../../internal/define.js';
import { VerityReviewQuote } from './review-quote.js';

defineElement('verity-review-quote', VerityReviewQuote);

export { VerityReviewQuote };

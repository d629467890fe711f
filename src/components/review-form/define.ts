import { defineElement } from '../../internal/define.js';
import '../star-input/define.js';
import { VerityReviewForm } from './review-form.js';

defineElement('verity-review-form', VerityReviewForm);

export { VerityReviewForm };

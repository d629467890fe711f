import { defineElement } from '../../internal/define.js';
import '../stars/define.js';
import { VerityReviewList } from './review-list.js';

defineElement('verity-review-list', VerityReviewList);

export { VerityReviewList };

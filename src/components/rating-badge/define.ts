import { defineElement } from '../../internal/define.js';
import '../stars/define.js';
import { VerityRatingBadge } from './rating-badge.js';

defineElement('verity-rating-badge', VerityRatingBadge);

export { VerityRatingBadge };

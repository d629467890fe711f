import { defineElement } from '../../internal/define.js';
import { VerityStars } from './stars.js';

defineElement('verity-stars', VerityStars);

export { VerityStars };

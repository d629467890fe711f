import { defineElement } from '../../internal/define.js';
import { VerityStarInput } from './star-input.js';

defineElement('verity-star-input', VerityStarInput);

export { VerityStarInput };

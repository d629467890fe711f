/** `verity-reviews/define`: registers every Verity tag (skipping tags already registered). */
import './components/provider/define.js';
import './components/stars/define.js';
import './components/rating-badge/define.js';
import './components/review-list/define.js';
import './components/review-quote/define.js';
import './components/star-input/define.js';
import './components/review-form/define.js';

export * from './index.js';

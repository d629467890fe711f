import { defineElement } from '../../internal/define.js';
import { VerityDashInsights } from './insights.js';

defineElement('verity-dash-insights', VerityDashInsights);

export { VerityDashInsights };

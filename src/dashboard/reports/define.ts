import { defineElement } from '../../internal/define.js';
import { VerityDashReports } from './reports.js';

defineElement('verity-dash-reports', VerityDashReports);

export { VerityDashReports };

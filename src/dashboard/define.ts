/**
 * Registers the dashboard's shell and its first screen, the inbox (the others register when the
 * router first needs them). The dashboard's entry; widget code never imports it.
 */
import { defineElement } from '../internal/define.js';
import { VerityDashboard } from './app.js';
import './inbox/define.js';

defineElement('verity-dashboard', VerityDashboard);

export { VerityDashboard };

import { defineElement } from '../../internal/define.js';
import { VerityDashWidgets } from './widgets.js';

defineElement('verity-dash-widgets', VerityDashWidgets);

export { VerityDashWidgets };

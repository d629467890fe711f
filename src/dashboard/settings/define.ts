import { defineElement } from '../../internal/define.js';
import { VerityDashSettings } from './settings.js';

defineElement('verity-dash-settings', VerityDashSettings);

export { VerityDashSettings };

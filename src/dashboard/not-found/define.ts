import { defineElement } from '../../internal/define.js';
import { VerityDashNotFound } from './not-found.js';

defineElement('verity-dash-not-found', VerityDashNotFound);

export { VerityDashNotFound };

import { defineElement } from '../../internal/define.js';
import { VerityDashOutbox } from './outbox.js';

defineElement('verity-dash-outbox', VerityDashOutbox);

export { VerityDashOutbox };

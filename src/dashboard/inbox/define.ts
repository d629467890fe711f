import { defineElement } from '../../internal/define.js';
import { VerityDashInbox } from './inbox.js';

defineElement('verity-dash-inbox', VerityDashInbox);

export { VerityDashInbox };

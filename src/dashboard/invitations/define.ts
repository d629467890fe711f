import { defineElement } from '../../internal/define.js';
import { VerityDashInvitations } from './invitations.js';

defineElement('verity-dash-invitations', VerityDashInvitations);

export { VerityDashInvitations };

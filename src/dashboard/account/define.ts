import { defineElement } from '../../internal/define.js';
import { VerityDashAccount } from './account.js';

defineElement('verity-dash-account', VerityDashAccount);

export { VerityDashAccount };

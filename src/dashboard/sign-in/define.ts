import { defineElement } from '../../internal/define.js';
import { VerityDashSignIn } from './sign-in.js';

defineElement('verity-dash-sign-in', VerityDashSignIn);

export { VerityDashSignIn };

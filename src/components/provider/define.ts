import { defineElement } from '../../internal/define.js';
import { VerityProvider } from './provider.js';

defineElement('verity-provider', VerityProvider);

export { VerityProvider };

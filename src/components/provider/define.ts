import { defineElement } from '../../internal/define.js';
import { subscribeWidgetsToProviders, VerityProvider } from './provider.js';

defineElement('verity-provider', VerityProvider);
// After the providers on the page have upgraded: the widgets already there find them now.
subscribeWidgetsToProviders();

export { VerityProvider };

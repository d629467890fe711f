import { createContext } from '@lit/context';
import type { VerityConfig } from './config.js';

/** What a `<verity-provider>` hands to the widgets inside it. */
export type ProvidedConfig = Readonly<VerityConfig>;

// Symbol.for: two copies of the library on one page still find each other's providers.
export const verityContext = createContext<ProvidedConfig>(Symbol.for('verity-config'));

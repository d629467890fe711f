/**
 * The one sanctioned way to show an e-mail's HTML in the dashboard: a frame with `sandbox=""`
 * (no scripts, no same origin, no forms, no popups, no top navigation) under the e-mail's own
 * Content-Security-Policy (`default-src 'none'`: no remote images, fonts, frames or connections;
 * inline styles only, images only as `data:`).
 *
 * The server serves the HTML part at its own address with that policy as a header (`htmlUrl`):
 * the frame loads it from there, and the e-mail looks as the customer's mail program shows it. A
 * `srcdoc` document would inherit the dashboard's policy too, which forbids inline styles. Where
 * there is no such address (the mocks in Storybook), the frame's `srcdoc` starts with the policy
 * as a meta element instead.
 *
 * Under `require-trusted-types-for 'script'` a frame's `srcdoc` takes only TrustedHTML; the
 * `verity-email` policy makes it, and it always prepends the policy meta. The page's CSP must list
 * it (`trusted-types lit-html verity-email`).
 */
import { EMAIL_HTML_CSP } from '../../contract/admin.js';

export const EMAIL_CSP = EMAIL_HTML_CSP;
export const EMAIL_CSP_META = `<meta http-equiv="Content-Security-Policy" content="${EMAIL_CSP}">`;

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): { createHTML(input: string): unknown };
}

let policy: { createHTML(input: string): unknown } | null | undefined;

/**
 * The `srcdoc` of an e-mail's frame: its HTML behind the policy meta, as TrustedHTML where the
 * page requires it. `undefined` when the page's CSP allows no such policy (the frame then stays
 * empty rather than showing the e-mail unprotected).
 */
export function emailSrcdoc(html: string): unknown {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return EMAIL_CSP_META + html;
  if (policy === undefined) {
    try {
      policy = trustedTypes.createPolicy('verity-email', { createHTML: (input) => EMAIL_CSP_META + input });
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createHTML(html) : undefined;
}

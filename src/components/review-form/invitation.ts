/**
 * The form's invitation (R8): a token from the `invitation` attribute or the page's URL makes the
 * review verified; the API's refusal of it is turned into what the form says.
 */
import type { FieldErrors } from '../../client/validate.js';
import type { Translation } from '../../translations/en.js';

/** Why the API refused the invitation: the review can still be sent, as not verified. */
export type InvitationProblem = keyof Translation['invitationProblems'];

/** The invitation's problem in a `validation_failed` answer, if it has one. */
export function invitationProblemOf(fields: FieldErrors): InvitationProblem | undefined {
  if (fields.product === 'invitation_mismatch') return 'mismatch';
  const token: string | undefined = fields.invitationToken;
  if (token === undefined) return undefined;
  return token === 'invitation_expired' ? 'expired' : token === 'invitation_used' ? 'used' : 'invalid';
}

/**
 * Takes `?invitation=` out of the page's URL (the rest of it and the hash stay exactly as they
 * were), so the token is not kept in the history, sent on as a referrer or shared with a link.
 */
export function takeInvitationFromUrl(): string | undefined {
  try {
    const query = location.search.replace(/^\?/, '');
    if (!query) return undefined;
    let token: string | undefined;
    const kept = query.split('&').filter((pair) => {
      const [name = '', value = ''] = pair.split('=');
      if (decodeURIComponent(name.replace(/\+/g, ' ')) !== 'invitation') return true;
      token ??= decodeURIComponent(value.replace(/\+/g, ' ')) || undefined;
      return false;
    });
    if (kept.length === query.split('&').length) return undefined;
    const search = kept.length > 0 ? `?${kept.join('&')}` : '';
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    return token;
  } catch {
    return undefined;
  }
}

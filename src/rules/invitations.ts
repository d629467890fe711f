/**
 * Invitations (R8): a token sent after a real purchase makes one review verified. The invitation,
 * not the reviewer, decides what is reviewed: its business and its product (or the shop itself).
 * It works once, and not forever. Shared by the mocks and the server, so both refuse the same way.
 */
import type { FieldErrors } from '../client/validate.js';

/** How long an invitation link works when nothing else is set. */
export const INVITATION_EXPIRY_DAYS = 60;

const DAY = 24 * 60 * 60 * 1000;

/** When an invitation made at `createdAt` stops working. */
export function invitationExpiry(createdAt: Date, days: number = INVITATION_EXPIRY_DAYS): Date {
  return new Date(createdAt.getTime() + days * DAY);
}

export interface InvitationState {
  used: boolean;
  expiresAt: Date | string;
  /** The product it invites a review of; `null` for the shop itself. */
  product: string | null;
}

export interface InvitationProblem {
  message: string;
  fields: FieldErrors;
}

/**
 * Why a review cannot be written with this invitation (`undefined`: unknown to this business), or
 * `undefined` when it can. A product sent with the review must be the invitation's own.
 */
export function invitationProblem(
  invitation: InvitationState | undefined,
  product: string | null | undefined,
  now: Date,
): InvitationProblem | undefined {
  if (!invitation) return { message: 'Unknown invitation', fields: { invitationToken: 'invalid_invitation' } };
  if (invitation.used) {
    return { message: 'This invitation was already used', fields: { invitationToken: 'invitation_used' } };
  }
  if (new Date(invitation.expiresAt).getTime() <= now.getTime()) {
    return { message: 'This invitation has expired', fields: { invitationToken: 'invitation_expired' } };
  }
  if (product && product !== invitation.product) {
    return {
      message: invitation.product
        ? 'This invitation is for another product'
        : 'This invitation is for a review of the shop, not of a product',
      fields: { product: 'invitation_mismatch' },
    };
  }
  return undefined;
}

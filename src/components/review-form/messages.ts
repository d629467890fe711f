/** What the form says about a field's problem, in the visitor's language. */
import { LIMITS } from '../../client/limits.js';
import type { FieldProblem } from '../../client/validate.js';
import type { Localizer } from '../../internal/localize.js';
import { earliestExperienceDate } from '../../rules/windows.js';

/** `experiencedAt`: the date typed, if any (an unreadable one is "invalid", none is "required"). */
export function fieldMessage(
  l10n: Localizer,
  field: string,
  problem: FieldProblem | string,
  experiencedAt: string,
): string {
  const { t } = l10n;
  const number = (n: number) => l10n.number(n);
  const e = t.errors;
  switch (field) {
    case 'rating':
      return e.rating;
    case 'title':
      return problem === 'too_long' ? e.titleTooLong(number(LIMITS.titleMax)) : e.invalid;
    case 'body':
      if (problem === 'too_short') return e.bodyTooShort(number(LIMITS.bodyMin));
      if (problem === 'too_long') return e.bodyTooLong(number(LIMITS.bodyMax));
      return e.bodyRequired;
    case 'authorName':
      if (problem === 'too_short') return e.nameTooShort(number(LIMITS.authorNameMin));
      if (problem === 'too_long') return e.nameTooLong(number(LIMITS.authorNameMax));
      return e.nameRequired;
    case 'email':
      return problem === 'required' ? e.emailRequired : e.emailInvalid;
    case 'experiencedAt':
      if (problem === 'future') return e.dateFuture;
      if (problem === 'too_old')
        return e.dateTooOld(
          l10n.date(`${earliestExperienceDate(new Date())}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
        );
      return experiencedAt ? e.invalid : e.dateRequired;
    case 'consent':
      return e.consent;
    case 'product':
      return e.productUnknown;
    default:
      return e.invalid;
  }
}

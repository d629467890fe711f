/**
 * The date windows of the honest-review rules, shared by the form, the mocks and the server:
 * R7 (the experience at most 6 months before the review) and R10 ("not based on a genuine
 * experience" reports only for reviews at most 12 months old).
 */
import { subtractMonths } from './score.js';

export const EXPERIENCE_WINDOW_MONTHS = 6;
export const NOT_GENUINE_REPORT_WINDOW_MONTHS = 12;

/** `YYYY-MM-DD` of a moment in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The earliest experience date a review submitted at `now` may give (R7). */
export function earliestExperienceDate(now: Date): string {
  return isoDay(subtractMonths(now, EXPERIENCE_WINDOW_MONTHS));
}

/**
 * The latest experience date allowed at `now`: tomorrow in UTC, since a reviewer east of UTC
 * can already be in tomorrow's date.
 */
export function latestExperienceDate(now: Date): string {
  return isoDay(new Date(now.getTime() + 24 * 60 * 60 * 1000));
}

/** Whether `value` is a real `YYYY-MM-DD` date (no 30 February). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && isoDay(new Date(time)) === value;
}

export type ExperienceDateProblem = 'invalid' | 'future' | 'too_old';

/** Why an experience date (`YYYY-MM-DD`) is not allowed at `now`, or `null` when it is (R7). */
export function experienceDateProblem(experiencedAt: string, now: Date): ExperienceDateProblem | null {
  if (!isCalendarDate(experiencedAt)) return 'invalid';
  if (experiencedAt > latestExperienceDate(now)) return 'future';
  if (experiencedAt < earliestExperienceDate(now)) return 'too_old';
  return null;
}

/** Whether a review created at `createdAt` may still be reported as not genuine at `now` (R10). */
export function canReportNotGenuine(createdAt: string | Date, now: Date): boolean {
  return new Date(createdAt).getTime() >= subtractMonths(now, NOT_GENUINE_REPORT_WINDOW_MONTHS).getTime();
}

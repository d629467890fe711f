import { expect } from '@open-wc/testing';
import { canReportNotGenuine, earliestExperienceDate, experienceDateProblem } from './windows.js';

const NOW = new Date('2026-11-21T12:00:00.000Z');

describe('R7: the experience window', () => {
  it('accepts today, yesterday and exactly six months back', () => {
    expect(experienceDateProblem('2026-11-21', NOW)).to.equal(null);
    expect(experienceDateProblem('2026-11-20', NOW)).to.equal(null);
    expect(earliestExperienceDate(NOW)).to.equal('2026-05-21');
    expect(experienceDateProblem('2026-05-21', NOW)).to.equal(null);
  });

  it('rejects a date more than six months back', () => {
    expect(experienceDateProblem('2026-05-20', NOW)).to.equal('too_old');
    expect(experienceDateProblem('2025-11-21', NOW)).to.equal('too_old');
  });

  it('rejects a date in the future, allowing for time zones ahead of UTC', () => {
    expect(experienceDateProblem('2026-11-22', NOW)).to.equal(null);
    expect(experienceDateProblem('2026-11-23', NOW)).to.equal('future');
  });

  it('rejects what is not a date', () => {
    expect(experienceDateProblem('21.11.2026', NOW)).to.equal('invalid');
    expect(experienceDateProblem('2026-13-45', NOW)).to.equal('invalid');
    expect(experienceDateProblem('', NOW)).to.equal('invalid');
    expect(experienceDateProblem('2026-02-30', NOW)).to.equal('invalid');
  });

  it('clamps month ends: on 31 August the window starts on the last day of February', () => {
    expect(earliestExperienceDate(new Date('2026-08-31T08:00:00Z'))).to.equal('2026-02-28');
  });
});

describe('R10: the "not genuine" report window', () => {
  it('is open for a review made 11 months ago and closed for one made 13 months ago', () => {
    expect(canReportNotGenuine('2025-12-21T12:00:00Z', NOW)).to.equal(true);
    expect(canReportNotGenuine('2025-10-21T12:00:00Z', NOW)).to.equal(false);
    expect(canReportNotGenuine('2025-11-21T12:00:00Z', NOW)).to.equal(true);
  });
});

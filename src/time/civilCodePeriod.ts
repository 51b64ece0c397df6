import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import { type CalendarDate, calendarDate, dayNumber, daysInMonth, isoDate } from './calendar.js';
import { jstDay, jstMidnightMs } from './jst.js';

/**
 * The length of a period. Years and months are reckoned by the calendar (Civil Code 143(1)); weeks and days
 * follow them. Each is a whole number of units, and the total must be positive.
 *
 * @example
 * const length: PeriodLength = { years: 1 };
 * civilCodePeriod(new Date('2021-03-15T10:00:00+09:00'), length).lastDay //=> '2022-03-15'
 */
export interface PeriodLength {
  readonly years?: number | undefined;
  readonly months?: number | undefined;
  readonly weeks?: number | undefined;
  readonly days?: number | undefined;
}

/**
 * A period reckoned under the Civil Code in Japan time: its first and last days as JST calendar dates
 * (`YYYY-MM-DD`) and `endsAt`, the exclusive instant it ends (00:00 JST after the last day).
 *
 * @example
 * // Starting at 00:00 JST, the first day counts (Art. 140).
 * const period: CivilCodePeriod = civilCodePeriod(new Date('2021-03-15T00:00:00+09:00'), { days: 1 });
 * period //=> { firstDay: '2021-03-15', lastDay: '2021-03-15', endsAt: 2021-03-16T00:00:00+09:00 }
 */
export interface CivilCodePeriod {
  readonly firstDay: string;
  readonly lastDay: string;
  readonly endsAt: Date;
}

const UNITS = ['years', 'months', 'weeks', 'days'] as const;

// Far beyond any period the terms set, and inside what a Date can hold.
const MAX_DAYS = 3_650_000;
// The calendar a period is reckoned in, as day numbers: 0000-01-01 to the day after 9999-12-31 (JST).
const FIRST_DAY = dayNumber({ year: 0, month: 1, day: 1 });
const AFTER_LAST_DAY = dayNumber({ year: 10000, month: 1, day: 1 });

function lengthIssues(start: unknown, length: PeriodLength | undefined): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (Number.isNaN(timeOf(start))) {
    issues.push({ path: ['start'], code: 'invalid-date', message: 'The start must be a valid Date' });
  }
  for (const key of Object.keys(length ?? {})) {
    if (!(UNITS as readonly string[]).includes(key)) {
      issues.push({
        path: ['length', key],
        code: 'unknown-unit',
        message: `Periods are counted in ${UNITS.join(', ')}; not in ${key}`,
      });
    }
  }
  let days = 0;
  for (const unit of UNITS) {
    const n = length?.[unit];
    if (n === undefined) continue;
    if (!Number.isSafeInteger(n) || n < 0) {
      issues.push({
        path: ['length', unit],
        code: 'invalid-length',
        message: `${unit} must be a whole number, zero or more`,
      });
    } else days += n * { years: 366, months: 31, weeks: 7, days: 1 }[unit];
  }
  if (issues.length === 0 && days === 0) {
    issues.push({ path: ['length'], code: 'empty-period', message: 'A period needs a positive length' });
  }
  if (days > MAX_DAYS)
    issues.push({
      path: ['length'],
      code: 'period-too-long',
      message: 'A period may last at most about 10,000 years',
    });
  return issues;
}

/**
 * Reckons a period the way the Civil Code does, in Japan Standard Time whatever the process's time zone.
 *
 * - Art. 140: the day the period starts in is not counted, unless the period starts at exactly 00:00 JST.
 * - Art. 141: the period ends at the end of its last day.
 * - Art. 143: years and months follow the calendar; the last day is the day before the one corresponding to the
 *   first day, or, where the final month has no such day, that month's last day.
 *
 * Art. 142 (a period whose last day is a holiday runs to the next working day) is not applied: it governs periods
 * within which someone must act, and a holding period under 13(4) is a limit on keeping data, not a deadline
 * for an act, so deleting data is due at the end of the last day whatever the day of the week.
 *
 * @throws {PolicyInputError} for an invalid start, a length that is not a positive whole number of units, or a period
 *   that starts or ends outside the years 0000–9999 in Japan time (`period-out-of-range`).
 * @example
 * civilCodePeriod(new Date('2021-03-15T10:00:00+09:00'), { years: 1 })
 * //=> { firstDay: '2021-03-16', lastDay: '2022-03-15', endsAt: 2022-03-16T00:00:00+09:00 }
 * civilCodePeriod(new Date('2021-01-30T10:00:00+09:00'), { months: 1 }).lastDay //=> '2021-02-28'
 */
export function civilCodePeriod(start: Date, length: PeriodLength): CivilCodePeriod {
  const issues = lengthIssues(start, length);
  if (issues.length) throw new PolicyInputError(issues, 'period');
  const { firstDay, end } = reckon(timeOf(start), length);
  if (firstDay < FIRST_DAY || end > AFTER_LAST_DAY)
    throw new PolicyInputError(
      [
        {
          path: ['start'],
          code: 'period-out-of-range',
          message:
            'A period is reckoned from 0000-01-01 to 9999-12-31 in Japan time; this one starts or ends outside',
        },
      ],
      'period',
    );
  return {
    firstDay: isoDate(calendarDate(firstDay)),
    lastDay: isoDate(calendarDate(end - 1)),
    endsAt: new Date(jstMidnightMs(end)),
  };
}

/**
 * The exclusive instant a period from `startMs` ends, as epoch milliseconds, for a length already checked (a terms
 * version's) and an instant the library has read (at most 9999-12-31T23:59:59.999Z): the same reckoning as
 * {@link civilCodePeriod}, as a number, for the decisions and sweeps that run it per record.
 */
export function periodEndMs(startMs: number, length: PeriodLength): number {
  return jstMidnightMs(reckon(startMs, length).end);
}

/** The reckoning: the first day counted and the day after the last, as day numbers (JST). */
function reckon(startMs: number, length: PeriodLength): { firstDay: number; end: number } {
  const { day: startDay, msIntoDay } = jstDay(startMs);
  const firstDay = msIntoDay === 0 ? startDay : startDay + 1;

  // `end` is the day after the last day: the corresponding day, or the 1st after a month with no such day.
  let end = firstDay;
  const months = (length.years ?? 0) * 12 + (length.months ?? 0);
  if (months > 0) {
    const first: CalendarDate = calendarDate(firstDay);
    const index = first.year * 12 + (first.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    end =
      first.day <= daysInMonth(year, month)
        ? dayNumber({ year, month, day: first.day })
        : dayNumber({ year, month, day: daysInMonth(year, month) }) + 1;
  }
  return { firstDay, end: end + (length.weeks ?? 0) * 7 + (length.days ?? 0) };
}

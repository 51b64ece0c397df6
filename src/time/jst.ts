import { TZDate } from '@date-fns/tz';
import { lightFormat } from 'date-fns/lightFormat';

/** The time zone every calendar question of the terms is answered in. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

/**
 * An instant as a Japan Standard Time wall-clock string, whatever the process's own time zone.
 *
 * @example
 * formatJst(new Date('2020-11-30T15:00:00Z')) //=> '2020-12-01 00:00:00 JST'
 */
export function formatJst(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const ms = date.getUTCMilliseconds();
  return lightFormat(
    new TZDate(date.getTime(), JAPAN_TIME_ZONE),
    ms ? "yyyy-MM-dd HH:mm:ss.SSS 'JST'" : "yyyy-MM-dd HH:mm:ss 'JST'",
  );
}

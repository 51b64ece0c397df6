// Japan Standard Time is UTC+9, and Japan has kept no daylight saving time since 1951: every instant's JST day and
// wall-clock time is plain arithmetic on its epoch milliseconds, whatever the process's own time zone.
const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The time zone every calendar question of the terms is answered in. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

/** The JST day of an instant (days since 1970-01-01) and how far into that day it is. */
export function jstDay(ms: number): { readonly day: number; readonly msIntoDay: number } {
  const local = ms + JST_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, msIntoDay: local - day * DAY_MS };
}

/** The instant 00:00 JST begins a day (days since 1970-01-01). */
export const jstMidnightMs = (day: number): number => day * DAY_MS - JST_OFFSET_MS;

export { formatJst } from '../model/jstText.js';

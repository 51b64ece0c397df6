// An instant as Japan Standard Time text, at the bottom of the layers so that every message — errors included —
// can give its instants in JST. Japan has kept UTC+9 without daylight saving since 1951: the wall-clock time is the
// UTC reading of the instant nine hours on.

const JST_OFFSET_MS = 9 * 3_600_000;

/**
 * An instant as a Japan Standard Time wall-clock string, whatever the process's own time zone; milliseconds only
 * when there are any.
 *
 * @example
 * formatJst(new Date('2020-11-30T15:00:00Z')) //=> '2020-12-01 00:00:00 JST'
 */
export function formatJst(date: Date): string {
  const ms = Date.prototype.getTime.call(date);
  if (Number.isNaN(ms)) return 'Invalid Date';
  const iso = new Date(ms + JST_OFFSET_MS).toISOString();
  const fraction = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction} JST`;
}

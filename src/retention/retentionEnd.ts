import { civilCodePeriod } from '../time/civilCodePeriod.js';

const DAY_MS = 86_400_000;
// Asia/Tokyo has kept +09:00 without daylight saving since 1951, so the JST day of an instant is plain
// arithmetic. It is used only as a cache key here; the period itself is reckoned by civilCodePeriod.
const JST_OFFSET_MS = 9 * 3_600_000;
const MAX_CACHED_DAYS = 8192;

// Every receipt within the same JST day (other than at 00:00 exactly) has the same period end, so a sweep over
// millions of records reckons each day once.
const cache = new Map<number, number>();

/**
 * The instant the one-year holding period of 13(4) (old 13(2)) ends for data received at `receivedMs`: the
 * exclusive end of `civilCodePeriod(receivedAt, { years: 1 })`. NaN in, NaN out.
 */
export function retentionEndMs(receivedMs: number): number {
  if (Number.isNaN(receivedMs)) return Number.NaN;
  const local = receivedMs + JST_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const key = local === day * DAY_MS ? day * 2 + 1 : day * 2;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const endsAt = civilCodePeriod(new Date(receivedMs), { years: 1 }).endsAt.getTime();
  if (cache.size >= MAX_CACHED_DAYS) cache.clear();
  cache.set(key, endsAt);
  return endsAt;
}

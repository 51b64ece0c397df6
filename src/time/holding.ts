import { type PeriodLength, periodEndMs } from './civilCodePeriod.js';

/** A decision to hold data past its period: taken at `decidedAtMs`, until `untilMs` (exclusive; Infinity: no end). */
export interface HoldingExtension {
  readonly decidedAtMs: number;
  readonly untilMs: number;
}

/**
 * Where received data stands at an instant under a holding period, as numbers (NaN never falls inside a period).
 * `heldUntilMs` is when holding ends on what is known at the instant: Infinity when open-ended.
 */
export interface HoldingState {
  readonly state: 'within-period' | 'extended' | 'expired';
  readonly endsAtMs: number;
  readonly heldUntilMs: number;
}

/** The exclusive instant a holding period from `receivedMs` ends (Civil Code reckoning, JST). NaN in, NaN out. */
export function holdingEndMs(receivedMs: number, period: PeriodLength): number {
  if (Number.isNaN(receivedMs)) return Number.NaN;
  return periodEndMs(receivedMs, period);
}

/**
 * The holding state at `atMs` of data whose period ends at `endsAtMs`, given the extensions decided for it: within
 * the period; else extended while an extension decided by then has not run out; else expired. The time between
 * the period's end and a later extension is not covered.
 */
export function holdingState(
  endsAtMs: number,
  extensions: readonly HoldingExtension[],
  atMs: number,
): HoldingState {
  let active = false;
  let activeUntil = -Infinity;
  let lastUntil = endsAtMs;
  for (const e of extensions) {
    if (!(e.decidedAtMs <= atMs)) continue;
    if (atMs < e.untilMs) {
      active = true;
      if (e.untilMs > activeUntil) activeUntil = e.untilMs;
    } else if (e.untilMs > lastUntil) lastUntil = e.untilMs;
  }
  if (atMs < endsAtMs)
    return {
      state: 'within-period',
      endsAtMs,
      heldUntilMs: active && activeUntil > endsAtMs ? activeUntil : endsAtMs,
    };
  if (active) return { state: 'extended', endsAtMs, heldUntilMs: activeUntil };
  return { state: 'expired', endsAtMs, heldUntilMs: lastUntil };
}

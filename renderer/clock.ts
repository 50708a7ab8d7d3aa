/**
 * One timer drives every countdown: it fires at the next minute boundary, or the next second while a
 * visible ticket is in its last hour, and nothing runs while no countdown is shown.
 */
import { useEffect, useState } from 'react';

const HOUR_MS = 3_600_000;

/** The delay to the next tick: the next second in the last hour before `expiresAtMs`, else the next minute. */
export function nextTickDelay(nowMs: number, expiresAtMs: number | null): number {
  const inLastHour = expiresAtMs !== null && expiresAtMs - nowMs <= HOUR_MS && expiresAtMs > nowMs;
  const unit = inLastHour ? 1000 : 60_000;
  return unit - (nowMs % unit) || unit;
}

/** Re-renders at each tick while `expiresAtMs` is not null; returns the current time. */
export function useNow(expiresAtMs: number | null, now: () => number = Date.now): number {
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    if (expiresAtMs === null) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        setCurrent(now());
        schedule();
      }, nextTickDelay(now(), expiresAtMs));
    };
    setCurrent(now());
    schedule();
    return () => clearTimeout(timer);
  }, [expiresAtMs, now]);
  return current;
}

import { formatTakeTime } from '../../../shared/countdown';

/** ISO-like and unambiguous in both languages: 2026-11-26 18:00. */
const minuteFormat = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const secondFormat = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export const formatMinute = (ms: number) => minuteFormat.format(ms);
export const formatSecond = (ms: number) => secondFormat.format(ms);

/** A take's length or a mark's time as m:ss (h:mm:ss past an hour), by the take clock's rule. */
export function formatLength(ms: number | null): string {
  return ms === null ? '—' : formatTakeTime(ms);
}

/** Date inputs (yyyy-mm-dd, this computer's calendar) as GO times in epoch ms, [from, to): "to" is inclusive. */
export function dayRange(from: string, to: string): { fromMs?: number; toMs?: number } {
  const midnight = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d + plusDays).getTime();
  };
  const valid = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day);
  return { ...(valid(from) ? { fromMs: midnight(from) } : {}), ...(valid(to) ? { toMs: midnight(to, 1) } : {}) };
}

export function formatPercent(rate: number | null, language: string): string {
  return rate === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

export const formatCount = (n: number, language: string) => new Intl.NumberFormat(language).format(n);

import { describe, expect, it } from 'vitest';
import { formatCountdown, parseCountdown } from './countdownInput';

describe('countdown input', () => {
  it('reads minutes and seconds the way producers type them', () => {
    expect(parseCountdown('1:30')).toBe(90_000);
    expect(parseCountdown('01:05')).toBe(65_000);
    expect(parseCountdown('45')).toBe(45_000);
    expect(parseCountdown(' 10:00 ')).toBe(600_000);
  });

  it('refuses what is not a time', () => {
    expect(parseCountdown('1:75')).toBeNull();
    expect(parseCountdown('abc')).toBeNull();
    expect(parseCountdown('-1:00')).toBeNull();
    expect(parseCountdown('')).toBeNull();
  });

  it('round-trips through the display form', () => {
    for (const ms of [5_000, 60_000, 90_000, 3_599_000]) expect(parseCountdown(formatCountdown(ms))).toBe(ms);
  });
});

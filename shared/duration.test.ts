import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatDuration, parseDuration } from './duration';

const pad = (n: number) => String(n).padStart(2, '0');
/** Every whole-millisecond duration up to ten hours (past the 4-hour countdown limit and any take). */
const durationMs = fc.integer({ min: 0, max: 10 * 3_600_000 });

describe('one duration grammar', () => {
  it('reads what producers type: m:ss, h:mm:ss, plain seconds, fractions', () => {
    expect(parseDuration('1:30')).toBe(90_000);
    expect(parseDuration(' 0:05 ')).toBe(5_000);
    expect(parseDuration('240:00')).toBe(14_400_000);
    expect(parseDuration('1:30:00')).toBe(5_400_000);
    expect(parseDuration('120')).toBe(120_000);
    expect(parseDuration('1:30.25')).toBe(90_250);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['1:75', '1:60:00', 'abc', '-1:00', '', '1:', ':30', '1,5', '1:2:3:4', '1::2', '１:３０']) expect({ bad, ms: parseDuration(bad) }).toEqual({ bad, ms: null });
  });

  it('reads back exactly what it writes, for every millisecond value', () => {
    fc.assert(fc.property(durationMs, (ms) => parseDuration(formatDuration(ms)) === ms));
  });

  it('writes one canonical form: formatting what it read gives the same text', () => {
    fc.assert(fc.property(durationMs, (ms) => formatDuration(parseDuration(formatDuration(ms))!) === formatDuration(ms)));
  });

  it('reads h:mm:ss, m:ss and plain seconds as the same duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (h, m, s) => {
        const ms = ((h * 60 + m) * 60 + s) * 1000;
        return parseDuration(`${h}:${pad(m)}:${pad(s)}`) === ms && parseDuration(`${h * 60 + m}:${pad(s)}`) === ms && parseDuration(String(ms / 1000)) === ms;
      }),
    );
  });

  it('refuses 60 or more seconds or minutes after a colon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 60, max: 99 }), (first, over) =>
        parseDuration(`${first}:${over}`) === null && parseDuration(`${first}:${over}:00`) === null,
      ),
    );
  });

  it('ignores spaces around it, and gives whole non-negative milliseconds for anything it accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ':', '.', ' ', '-') }), (text) => {
        const ms = parseDuration(text);
        return (ms === null || (Number.isInteger(ms) && ms >= 0)) && parseDuration(` ${text} `) === ms;
      }),
    );
  });
});

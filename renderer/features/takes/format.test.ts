import { describe, expect, it } from 'vitest';
import { dayRange, formatLength, formatPercent, parseMarkTime } from './format';

describe('mark times typed by hand', () => {
  it('reads m:ss, h:mm:ss and plain seconds', () => {
    expect(parseMarkTime('2:13')).toBe(133_000);
    expect(parseMarkTime(' 0:05 ')).toBe(5_000);
    expect(parseMarkTime('1:02:03')).toBe(3_723_000);
    expect(parseMarkTime('95')).toBe(95_000);
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', '2:75', 'abc', '1:2:3:4', '-1', '2.5', '1::2']) expect({ bad, ms: parseMarkTime(bad) }).toEqual({ bad, ms: null });
  });

  it('writes lengths back the same way', () => {
    expect(formatLength(133_999)).toBe('2:13');
    expect(formatLength(null)).toBe('—');
  });
});

describe('the date filter', () => {
  it('turns an inclusive day range into GO times [from, to) at local midnight', () => {
    expect(dayRange('2026-11-26', '2026-11-27')).toEqual({ fromMs: new Date(2026, 10, 26).getTime(), toMs: new Date(2026, 10, 28).getTime() });
    expect(dayRange('2026-11-30', '2026-11-30').toMs).toBe(new Date(2026, 11, 1).getTime());
  });

  it('leaves an empty side open', () => {
    expect(dayRange('', '')).toEqual({});
    expect(dayRange('2026-11-26', '')).toEqual({ fromMs: new Date(2026, 10, 26).getTime() });
  });
});

it('shows a rate as a whole percentage, or a dash when there is none', () => {
  expect(formatPercent(1 / 3, 'en')).toBe('33%');
  expect(formatPercent(null, 'ko')).toBe('—');
});

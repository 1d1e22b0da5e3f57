import { describe, expect, it } from 'vitest';
import { dayRange, formatLength, formatPercent } from './format';

describe('take lengths', () => {
  it('shows whole seconds, as a running clock does', () => {
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

import { describe, it, expect } from 'vitest';
import { formatDuration, joinNames, parseDuration, splitNames } from './plan-portable';

describe('durations in a file', () => {
  it('reads what producers type: m:ss, h:mm:ss, plain seconds, fractions', () => {
    expect(parseDuration('1:30')).toBe(90_000);
    expect(parseDuration(' 0:05 ')).toBe(5_000);
    expect(parseDuration('240:00')).toBe(14_400_000);
    expect(parseDuration('1:02:03')).toBe(3_723_000);
    expect(parseDuration('45')).toBe(45_000);
    expect(parseDuration('1:30.25')).toBe(90_250);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['1:75', '1:60:00', 'abc', '-1:00', '', '1:', ':30', '1,5']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('writes every whole-millisecond value so that reading it back gives the same value', () => {
    for (const ms of [0, 5_000, 60_000, 90_250, 95_001, 14_400_000]) expect(parseDuration(formatDuration(ms))).toBe(ms);
    expect(formatDuration(90_000)).toBe('1:30');
  });
});

describe('names in one cell', () => {
  it('splits on | and keeps a | or \\ that is part of a name', () => {
    const names = ['Kim Min-ji', 'A|B', 'back\\slash', '김민지'];
    expect(joinNames(names)).toBe('Kim Min-ji | A\\|B | back\\\\slash | 김민지');
    expect(splitNames(joinNames(names))).toEqual(names);
    expect(splitNames('')).toEqual([]);
    expect(splitNames('a|| b')).toEqual(['a', '', 'b']);
  });
});

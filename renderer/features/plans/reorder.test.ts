import { describe, expect, it } from 'vitest';
import { byCallTime, mergeVisible, moveBy, moveTo } from './reorder';

describe('run order moves', () => {
  it('moves a plan one step by keyboard, and not past either end', () => {
    expect(moveBy([1, 2, 3], 3, -1)).toEqual([1, 3, 2]);
    expect(moveBy([1, 2, 3], 1, 1)).toEqual([2, 1, 3]);
    expect(moveBy([1, 2, 3], 1, -1)).toBeNull();
    expect(moveBy([1, 2, 3], 3, 1)).toBeNull();
  });

  it('drops a dragged plan where the target was, up or down', () => {
    expect(moveTo([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
    expect(moveTo([1, 2, 3, 4], 1, 2)).toEqual([2, 3, 1, 4]);
    expect(moveTo([1, 2, 3, 4], 2, 1)).toEqual([1, 2, 3, 4]);
  });

  it('keeps plans hidden by a filter where they were', () => {
    // Day is 1..5; the filter shows 2, 4, 5; the producer moves 5 to the top of what they see.
    expect(mergeVisible([1, 2, 3, 4, 5], [2, 4, 5], [5, 2, 4])).toEqual([1, 5, 3, 2, 4]);
  });

  it('orders a day by call time, untimed plans last, ties as they were', () => {
    const day = [
      { id: 1, callTime: '18:00' },
      { id: 2, callTime: null },
      { id: 3, callTime: '09:30' },
      { id: 4, callTime: '18:00' },
      { id: 5, callTime: '14:00' },
      { id: 6, callTime: null },
    ];
    expect(byCallTime(day)).toEqual([3, 5, 1, 4, 2, 6]);
  });

  it('says when a day already reads in call-time order', () => {
    expect(byCallTime([{ id: 1, callTime: '09:00' }, { id: 2, callTime: '09:00' }, { id: 3, callTime: null }])).toBeNull();
    expect(byCallTime([])).toBeNull();
  });
});

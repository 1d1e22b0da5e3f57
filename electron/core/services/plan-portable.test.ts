import { describe, it, expect } from 'vitest';
import { joinNames, splitNames } from './plan-portable';

describe('names in one cell', () => {
  it('splits on | and keeps a | or \\ that is part of a name', () => {
    const names = ['Kim Min-ji', 'A|B', 'back\\slash', '김민지'];
    expect(joinNames(names)).toBe('Kim Min-ji | A\\|B | back\\\\slash | 김민지');
    expect(splitNames(joinNames(names))).toEqual(names);
    expect(splitNames('')).toEqual([]);
    expect(splitNames('a|| b')).toEqual(['a', '', 'b']);
  });
});

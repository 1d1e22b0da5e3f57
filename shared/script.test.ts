import { describe, it, expect } from 'vitest';
import { hasHangul, nameIn, otherNameIn } from './script';

describe('a name in two scripts, shown by the UI language', () => {
  const museum = { name: 'National Museum of Korea', nameAlt: '국립중앙박물관' };
  const sejong = { name: '세종문화회관', nameAlt: 'Sejong Center' };

  it('shows the Hangul name in Korean and the Latin one in English, whichever was entered first', () => {
    expect([nameIn('ko', museum), otherNameIn('ko', museum)]).toEqual(['국립중앙박물관', 'National Museum of Korea']);
    expect([nameIn('en', museum), otherNameIn('en', museum)]).toEqual(['National Museum of Korea', '국립중앙박물관']);
    expect(nameIn('ko', sejong)).toBe('세종문화회관');
    expect(nameIn('en', sejong)).toBe('Sejong Center');
  });

  it('counts a mixed name like KBS홀 as Hangul', () => {
    expect(nameIn('ko', { name: 'KBS Hall', nameAlt: 'KBS홀' })).toBe('KBS홀');
    expect(hasHangul('KBS홀')).toBe(true);
    expect(hasHangul('\u1100\u1161')).toBe(true); // NFD jamo
  });

  it('falls back to the entered name when there is no other, or the other is in the same script', () => {
    expect([nameIn('ko', { name: 'KBS Hall', nameAlt: '' }), otherNameIn('ko', { name: 'KBS Hall', nameAlt: '' })]).toEqual(['KBS Hall', '']);
    expect(nameIn('en', { name: 'KBS Hall', nameAlt: 'KBS Concert Hall' })).toBe('KBS Hall');
    expect(nameIn('ko', { name: '예술의전당', nameAlt: '예술의 전당' })).toBe('예술의전당');
  });
});

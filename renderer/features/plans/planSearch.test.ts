import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/schemas';
import { planMatches } from './planSearch';

const member = (name: string, nameAlt: string) => ({ personId: 1, name, nameAlt });
const plan: Plan = {
  id: 1,
  artist: member('MAMAMOO', '마마무'),
  song: 'Starry Night (별이 빛나는 밤)',
  songLengthMs: null,
  venue: { id: 1, name: 'National Folk Museum of Korea', nameAlt: '', address: '', area: 'Gyeongbokgung · 경복궁', notes: '' },
  shootDate: '2026-11-27',
  callTime: '20:30',
  countdownMs: 90_000,
  warningMs: 60_000,
  dangerMs: 10_000,
  dancers: [member('Kim Min-ji', '김민지')],
  guests: [member('Han So-ra', '한소라')],
  notes: '',
  status: 'ready',
  runOrder: 1,
  takeCount: 0,
};

describe('the plan filter', () => {
  it('finds a plan by artist, song, venue and people, ignoring Latin case', () => {
    for (const query of ['mamamoo', 'STARRY', 'folk museum', 'gyeongbokgung', 'kim min-ji', 'han so']) expect(planMatches(plan, query), query).toBe(true);
  });

  it('finds a person by the name in the other script, Hangul typed in NFD included', () => {
    for (const query of ['마마무', '김민지', '한소라', '별이 빛나는', '김민지'.normalize('NFD')]) expect(planMatches(plan, query), query).toBe(true);
  });

  it('forgives missing hyphens and spaces, and wants every word', () => {
    expect(planMatches(plan, 'minji')).toBe(true);
    expect(planMatches(plan, '김민지 mamamoo')).toBe(true);
    expect(planMatches(plan, '김민지 AKMU')).toBe(false);
    expect(planMatches(plan, '이서준')).toBe(false);
    expect(planMatches(plan, '  ')).toBe(true);
  });
});

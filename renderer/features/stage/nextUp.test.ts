import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/schemas';
import { isToday, nextUp } from './nextUp';

const NOW = new Date(2026, 10, 28, 15, 0).getTime(); // 28 Nov 2026, 15:00 local
let id = 0;
function plan(song: string, shootDate: string | null, callTime: string | null, extra: Partial<Plan> = {}): Plan {
  return {
    id: ++id, artist: { personId: 1, name: 'AKMU', nameAlt: '악뮤' }, song, songLengthMs: null, venue: null, shootDate, callTime,
    countdownMs: 90_000, warningMs: 60_000, dangerMs: 10_000, dancers: [], guests: [], notes: '', status: 'ready', runOrder: id, takeCount: 0, ...extra,
  };
}

describe('next up on an idle stage', () => {
  it('announces the earliest performance not yet shot, today first, by call time', () => {
    const plans = [
      plan('Tomorrow', '2026-11-29', '09:00'),
      plan('Evening', '2026-11-28', '19:30'),
      plan('Afternoon, shot', '2026-11-28', '14:00', { status: 'shot' }),
      plan('Yesterday', '2026-11-27', '18:00'),
      plan('Called, not shot', '2026-11-28', '14:30'),
      plan('Undated', null, null),
    ];
    expect(nextUp(plans, NOW)?.song).toBe('Called, not shot');
    expect(nextUp(plans.filter((p) => p.song !== 'Called, not shot'), NOW)?.song).toBe('Evening');
  });

  it('announces nothing when nothing dated is left', () => {
    expect(nextUp([plan('Undated', null, null), plan('Old', '2026-11-01', '10:00')], NOW)).toBeNull();
  });

  it('knows whether the day is today', () => {
    expect(isToday(plan('a', '2026-11-28', null), NOW)).toBe(true);
    expect(isToday(plan('b', '2026-11-29', null), NOW)).toBe(false);
  });
});

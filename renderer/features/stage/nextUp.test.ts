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
  it('announces the first performance not yet shot in run order, as the console does', () => {
    const plans = [
      plan('Shot already', '2026-11-28', '14:00', { status: 'shot' }),
      plan('Evening', '2026-11-28', '19:30'),
      plan('Afternoon', '2026-11-28', '14:30'),
      plan('Tomorrow', '2026-11-29', '09:00'),
    ];
    expect(nextUp(plans)?.song).toBe('Evening');
    expect(nextUp(plans, plans[1]!.id)?.song).toBe('Afternoon'); // the armed one is not "next"
  });

  it('announces nothing when everything is shot', () => {
    expect(nextUp([plan('Done', '2026-11-28', '10:00', { status: 'shot' })])).toBeNull();
  });

  it('knows whether the day is today', () => {
    expect(isToday(plan('a', '2026-11-28', null), NOW)).toBe(true);
    expect(isToday(plan('b', '2026-11-29', null), NOW)).toBe(false);
  });
});

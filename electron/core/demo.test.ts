import { describe, it, expect, afterEach } from 'vitest';
import { Harness, T0 } from './test-harness';

let h: Harness;
afterEach(() => h.dispose());

describe('the demo shoot', () => {
  it('loads the six artists with their Korean names', async () => {
    h = new Harness({ demo: true });
    const artists = (await h.ok('listPeople', undefined)).filter((p) => p.roles.includes('artist'));
    expect(artists.map((a) => [a.name, a.nameAlt]).sort()).toEqual(
      [
        ['AKMU', '악뮤'],
        ['Lena Park', '박정현'],
        ['MAMAMOO', '마마무'],
        ['Sumi Jo', '조수미'],
        ['Yim Jae-beum', '임재범'],
        ['You Hee-yul', '유희열'],
      ].sort(),
    );
  });

  it('loads the five Seoul venues with names and addresses in both scripts', async () => {
    h = new Harness({ demo: true });
    const venues = await h.ok('listVenues', undefined);
    expect(venues.map((v) => [v.name, v.nameAlt])).toEqual([
      ['KBS Hall', 'KBS홀'],
      ['National Folk Museum of Korea', '국립민속박물관'],
      ['National Museum of Korea', '국립중앙박물관'],
      ['National Museum of Modern and Contemporary Art', '국립현대미술관 서울관'],
      ['National Palace Museum of Korea', '국립고궁박물관'],
    ]);
    for (const v of venues) {
      expect(v.address).toMatch(/Seoul/);
      expect(v.address).toMatch(/서울 \S+구 \S+로 \d+$/);
    }
  });

  it('plans six performances over two days, ready to shoot, one per artist', async () => {
    h = new Harness({ demo: true });
    const plans = await h.ok('listPlans', undefined);
    expect(plans).toHaveLength(6);
    expect(new Set(plans.map((p) => p.artist.name)).size).toBe(6);
    expect(plans.every((p) => p.status === 'ready' && p.venue !== null && p.takeCount === 0)).toBe(true);
    expect([...new Set(plans.map((p) => p.shootDate))]).toEqual(['2026-11-26', '2026-11-27']);
    const mamamoo = plans.find((p) => p.artist.name === 'MAMAMOO')!;
    expect(mamamoo.dancers.map((d) => d.name)).toEqual(['Park Ji-woo', 'Choi Yu-na', 'Kim Min-ji', 'Lee Seo-jun']);
    expect(plans.find((p) => p.artist.name === 'Sumi Jo')?.guests.map((g) => g.nameAlt)).toEqual(['한빛 청소년 합창단']);
  });

  it('reads in call-time order on each day, as a run order should', async () => {
    h = new Harness({ demo: true });
    const plans = await h.ok('listPlans', undefined);
    const days = [...new Set(plans.map((p) => p.shootDate))];
    for (const day of days) {
      const times = plans.filter((p) => p.shootDate === day).map((p) => p.callTime!);
      expect({ day, times }).toEqual({ day, times: [...times].sort() });
    }
  });

  it('loads once: reopening keeps the same shoot, and loadDemo refuses a non-empty store', async () => {
    h = new Harness({ demo: true });
    const plans = await h.ok('listPlans', undefined);
    h.reopen(T0 + 86_400_000);
    expect(await h.ok('listPlans', undefined)).toEqual(plans);
    expect((await h.refused('loadDemo', undefined)).code).toBe('conflict');
  });

  it('is offered, not forced: a core opened without it starts empty and can load it on request', async () => {
    h = new Harness();
    expect((await h.ok('getBootstrap', undefined)).empty).toBe(true);
    await h.ok('loadDemo', undefined);
    expect((await h.ok('getBootstrap', undefined)).empty).toBe(false);
    expect(await h.ok('listPlans', undefined)).toHaveLength(6);
  });
});

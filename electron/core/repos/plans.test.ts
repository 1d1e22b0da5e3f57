import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Person } from '../../../shared/schemas';
import { Harness } from '../test-harness';

let h: Harness;

beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.dispose());

const person = async (name: string): Promise<Person | undefined> => (await h.ok('listPeople', undefined)).find((p) => p.name === name);
const memberRows = (planId: number) =>
  h.db.prepare('SELECT role, position, person_id FROM plan_members WHERE plan_id = ? ORDER BY role, position').all(planId);

describe('createPlan', () => {
  it('adds inline new names to the roster with the role they were picked for', async () => {
    const plan = await h.ok('createPlan', {
      artist: { name: 'IU' },
      song: 'Through the Night (밤편지)',
      venue: { name: 'Seoul Arts Center' },
      dancers: [{ name: 'Kang Da-eun' }],
      guests: [{ name: 'Jung Seung-hwan' }],
    });
    expect(plan.artist.name).toBe('IU');
    expect((await person('IU'))?.roles).toEqual(['artist']);
    expect((await person('Kang Da-eun'))?.roles).toEqual(['dancer']);
    expect((await person('Jung Seung-hwan'))?.roles).toEqual(['guest']);
    expect((await h.ok('listVenues', undefined)).map((v) => v.name)).toEqual(['Seoul Arts Center']);
    expect(plan.venue?.name).toBe('Seoul Arts Center');
    expect(plan).toMatchObject({ status: 'draft', countdownMs: 60_000, takeCount: 0 });
  });

  it('gives an existing person the new role instead of adding them twice', async () => {
    const dancer = await h.ok('createPerson', { name: 'Kang Da-eun', roles: ['dancer'] });
    const plan = await h.ok('createPlan', { artist: { name: 'IU' }, song: 'Palette', guests: [{ name: 'kang da-eun' }] });
    expect(plan.guests.map((g) => g.personId)).toEqual([dancer.id]);
    expect((await h.ok('listPeople', undefined)).filter((p) => p.name === 'Kang Da-eun')).toHaveLength(1);
    expect((await person('Kang Da-eun'))?.roles).toEqual(['dancer', 'guest']);
  });

  it('keeps dancers in the order they were listed, not alphabetical', async () => {
    const names = ['Park Ji-woo', 'Choi Yu-na', 'Kim Min-ji', 'Lee Seo-jun'];
    const plan = await h.ok('createPlan', { artist: { name: 'MAMAMOO' }, song: 'Starry Night', dancers: names.map((name) => ({ name })) });
    expect(plan.dancers.map((d) => d.name)).toEqual(names);
    expect((await h.ok('getPlan', { id: plan.id })).dancers.map((d) => d.name)).toEqual(names);
    expect(memberRows(plan.id).map((r) => (r as { position: number }).position)).toEqual([0, 1, 2, 3]);
  });

  it('refuses the same dancer twice, naming the second, and saves nothing', async () => {
    const dancer = await h.ok('createPerson', { name: 'Kang Da-eun', roles: ['dancer'] });
    const error = await h.refused('createPlan', {
      artist: { name: 'IU' },
      song: 'Palette',
      dancers: [{ id: dancer.id }, { name: 'Kim Min-ji' }, { name: 'KANG DA-EUN' }],
    });
    expect({ code: error.code, field: error.field }).toEqual({ code: 'invalid_input', field: 'dancers.2' });
    expect(await h.ok('listPlans', undefined)).toEqual([]);
    expect((await h.ok('listPeople', undefined)).map((p) => p.name)).toEqual(['Kang Da-eun']);
  });

  it('lets one person both dance and sing as a guest in the same plan', async () => {
    const plan = await h.ok('createPlan', { artist: { name: 'IU' }, song: 'Palette', dancers: [{ name: 'Han So-ra' }], guests: [{ name: 'Han So-ra' }] });
    expect(plan.dancers[0]?.personId).toBe(plan.guests[0]?.personId);
    expect((await person('Han So-ra'))?.roles).toEqual(['dancer', 'guest']);
  });
});

describe('updatePlan', () => {
  it('replaces the dancers and guests instead of adding to them', async () => {
    const plan = await h.ok('createPlan', {
      artist: { name: 'AKMU' },
      song: 'Love Lee',
      dancers: [{ name: 'Kim Min-ji' }, { name: 'Lee Seo-jun' }],
      guests: [{ name: 'Han So-ra' }],
    });
    const updated = await h.ok('updatePlan', {
      id: plan.id,
      plan: { artist: { name: 'AKMU' }, song: 'Love Lee', dancers: [{ name: 'Lee Seo-jun' }, { name: 'Choi Yu-na' }] },
    });
    expect(updated.dancers.map((d) => d.name)).toEqual(['Lee Seo-jun', 'Choi Yu-na']);
    expect(updated.guests).toEqual([]);
    expect(memberRows(plan.id)).toHaveLength(2);
    expect((await h.ok('getPlan', { id: plan.id })).dancers.map((d) => d.name)).toEqual(['Lee Seo-jun', 'Choi Yu-na']);
  });

  it('keeps the status and run order it had unless the update sets a status', async () => {
    const first = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Love Lee', status: 'ready' });
    const updated = await h.ok('updatePlan', { id: first.id, plan: { artist: { name: 'AKMU' }, song: 'Love Lee', countdownMs: 90_000 } });
    expect(updated).toMatchObject({ status: 'ready', runOrder: first.runOrder, countdownMs: 90_000 });
    const shot = await h.ok('updatePlan', { id: first.id, plan: { artist: { name: 'AKMU' }, song: 'Love Lee', status: 'shot' } });
    expect(shot.status).toBe('shot');
  });

  it('leaves the plan as it was when the update is refused', async () => {
    const plan = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Love Lee', dancers: [{ name: 'Kim Min-ji' }] });
    const error = await h.refused('updatePlan', {
      id: plan.id,
      plan: { artist: { name: 'AKMU' }, song: 'Dinosaur', dancers: [{ name: 'New Dancer' }, { id: 99999 }] },
    });
    expect(error.code).toBe('not_found');
    expect(await h.ok('getPlan', { id: plan.id })).toEqual(plan);
    expect(await person('New Dancer')).toBeUndefined();
  });
});

describe('listPlans', () => {
  it('groups plans by shoot date, then by run order, with undated plans last', async () => {
    const add = (song: string, shootDate?: string) =>
      h.ok('createPlan', { artist: { name: 'AKMU' }, song, ...(shootDate ? { shootDate } : {}) });
    await add('Undated first');
    await add('Day two, first', '2026-11-27');
    await add('Day one, first', '2026-11-26');
    await add('Day two, second', '2026-11-27');
    await add('Undated second');
    await add('Day one, second', '2026-11-26');
    const songs = (await h.ok('listPlans', undefined)).map((p) => p.song);
    expect(songs).toEqual(['Day one, first', 'Day one, second', 'Day two, first', 'Day two, second', 'Undated first', 'Undated second']);
  });

  it('numbers run order in the order plans were made', async () => {
    const a = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'A' });
    const b = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'B' });
    expect(b.runOrder).toBeGreaterThan(a.runOrder);
  });
});

import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Harness } from '../test-harness';

// Reusable people and venues: edited once, seen in every plan that uses them.

let h: Harness;
beforeEach(() => {
  h = new Harness({ demo: true });
});
afterEach(() => h.dispose());

const personNamed = async (name: string) => (await h.ok('listPeople', undefined)).find((p) => p.name === name)!;

describe('updatePerson', () => {
  it('renames a dancer everywhere, stores Hangul NFC, and finds them by either script after', async () => {
    const minji = await personNamed('Kim Min-ji');
    const updated = await h.ok('updatePerson', { id: minji.id, person: { name: 'Kim Minji', nameAlt: '김민지'.normalize('NFD'), roles: ['dancer', 'guest'], contact: 'via agency' } });
    expect(updated).toEqual({ id: minji.id, name: 'Kim Minji', nameAlt: '김민지', roles: ['dancer', 'guest'], contact: 'via agency' });
    const loveLee = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!;
    expect(loveLee.dancers[0]).toEqual({ personId: minji.id, name: 'Kim Minji', nameAlt: '김민지' });
    const plan = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Dinosaur', dancers: [{ name: '김민지' }] });
    expect(plan.dancers[0]?.personId).toBe(minji.id);
  });

  it('refuses a name that is someone else’s in either script, and keeps the person as they were', async () => {
    const minji = await personNamed('Kim Min-ji');
    const error = await h.refused('updatePerson', { id: minji.id, person: { name: '이서준' } });
    expect(error).toMatchObject({ code: 'conflict', field: 'person.name' });
    expect(error.message).toContain('Lee Seo-jun');
    expect(await personNamed('Kim Min-ji')).toEqual(minji);
  });

  it('lets a person keep their own name while changing the rest', async () => {
    const minji = await personNamed('Kim Min-ji');
    await h.ok('updatePerson', { id: minji.id, person: { name: 'KIM MIN-JI', nameAlt: '김민지', roles: ['dancer'] } });
    expect((await h.ok('listPeople', undefined)).filter((p) => p.nameAlt === '김민지')).toHaveLength(1);
  });
});

describe('venues', () => {
  it('edits a venue’s curfew note and every plan there shows it', async () => {
    const kbs = (await h.ok('listVenues', undefined)).find((v) => v.name === 'KBS Hall')!;
    await h.ok('updateVenue', { id: kbs.id, venue: { name: 'KBS Hall', address: kbs.address, area: kbs.area, notes: 'Curfew 22:00' } });
    const there = (await h.ok('listPlans', undefined)).filter((p) => p.venue?.id === kbs.id);
    expect(there.length).toBe(2);
    expect(there.every((p) => p.venue?.notes === 'Curfew 22:00')).toBe(true);
  });

  it('refuses a second venue with the same name, however it is cased', async () => {
    expect(await h.refused('createVenue', { name: 'kbs HALL' })).toMatchObject({ code: 'conflict', field: 'name' });
  });

  it('gives a venue a name in the other script, stored NFC, and a plan picks the venue by either', async () => {
    const venue = await h.ok('createVenue', { name: 'Lotte Concert Hall', nameAlt: '롯데콘서트홀'.normalize('NFD') });
    expect(venue.nameAlt).toBe('롯데콘서트홀');
    const byHangul = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Dinosaur', venue: { name: '롯데콘서트홀' } });
    const byLatin = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Hey Kid', venue: { name: 'lotte concert hall' } });
    expect([byHangul.venue?.id, byLatin.venue?.id]).toEqual([venue.id, venue.id]);
    expect(byHangul.venue).toMatchObject({ name: 'Lotte Concert Hall', nameAlt: '롯데콘서트홀' });
  });

  it('renames a venue’s Hangul name and every plan there shows it; another venue’s Hangul name is refused', async () => {
    const kbs = (await h.ok('listVenues', undefined)).find((v) => v.name === 'KBS Hall')!;
    await h.ok('updateVenue', { id: kbs.id, venue: { name: 'KBS Hall', nameAlt: 'KBS 홀' } });
    expect((await h.ok('listPlans', undefined)).filter((p) => p.venue?.id === kbs.id).map((p) => p.venue?.nameAlt)).toEqual(['KBS 홀', 'KBS 홀']);
    const error = await h.refused('updateVenue', { id: kbs.id, venue: { name: 'KBS Hall', nameAlt: '국립중앙박물관' } });
    expect(error).toMatchObject({ code: 'conflict', field: 'venue.nameAlt' });
    expect((await h.ok('listVenues', undefined)).find((v) => v.id === kbs.id)?.nameAlt).toBe('KBS 홀');
  });
});

import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { NAME_MAX } from '../../shared/text';
import type { Ids } from './contract-fixture';
import { shootOneTake } from './contract-fixture';
import { dumpDatabase, Harness } from './test-harness';

// What people type arrives as they typed it: macOS input methods and pasted text often give NFD.
const nfd = (s: string) => s.normalize('NFD');
const nfc = (s: string) => s.normalize('NFC');

let h: Harness;
let ids: Ids;

beforeEach(async () => {
  h = new Harness({ demo: true });
  ids = await shootOneTake(h);
});
afterEach(() => h.dispose());

const count = (table: string) => h.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('Korean typed in NFD', () => {
  it('is accepted and stored NFC-normalised', async () => {
    expect(nfd('김하늘')).not.toBe(nfc('김하늘'));
    const person = await h.ok('createPerson', { name: nfd('김하늘'), nameAlt: 'Kim Ha-neul', roles: ['dancer'] });
    expect(person.name).toBe(nfc('김하늘'));
    expect(h.db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(person.id)).toBe(nfc('김하늘'));
    const plan = await h.ok('createPlan', { artist: { id: ids.artistId }, song: nfd('작은 별'), notes: nfd('두 번째 후렴에서 조명') });
    const stored = await h.ok('getPlan', { id: plan.id });
    expect(stored.song).toBe(nfc('작은 별'));
    expect(stored.notes).toBe(nfc('두 번째 후렴에서 조명'));
  });

  it('counts length after normalising, so a long Hangul name is not cut short by its NFD form', async () => {
    const name = '가'.repeat(NAME_MAX);
    expect(nfd(name).length).toBeGreaterThan(NAME_MAX);
    const person = await h.ok('createPerson', { name: nfd(name) });
    expect(person.name).toBe(name);
  });

  it('matches the existing NFC artist instead of adding a duplicate to the roster', async () => {
    const people = await h.ok('listPeople', undefined);
    const sumi = people.find((p) => p.nameAlt === '조수미')!;
    const plan = await h.ok('createPlan', { artist: { name: nfd('조수미') }, song: 'Ave Maria (reprise)' });
    expect(plan.artist.personId).toBe(sumi.id);
    expect(await h.ok('listPeople', undefined)).toHaveLength(people.length);
  });

  it('matches an NFC venue and a dancer by their Korean names', async () => {
    const venue = await h.ok('createVenue', { name: '세종문화회관', area: '광화문' });
    const dancers = (await h.ok('listPeople', undefined)).length;
    const plan = await h.ok('createPlan', {
      artist: { id: ids.artistId },
      song: 'Encore',
      venue: { name: nfd('세종문화회관') },
      dancers: [{ name: nfd('김민지') }],
    });
    expect(plan.venue?.id).toBe(venue.id);
    expect(plan.dancers.map((d) => d.personId)).toEqual([ids.dancerId]);
    expect(await h.ok('listPeople', undefined)).toHaveLength(dancers);
  });

  it('is found by a search typed in NFD and logs the crew name in NFC', async () => {
    await h.ok('updateSettings', { crewName: nfd('무대 팀') });
    expect((await h.ok('getBootstrap', undefined)).crewName).toBe(nfc('무대 팀'));
    await h.ok('addTakeMark', { takeId: ids.takeId, note: '후렴 시작' });
    const found = await h.ok('listTakes', { text: nfd('후렴') });
    expect(found.map((t) => t.id)).toEqual([ids.takeId]);
  });
});

describe('text as typed', () => {
  it('trims surrounding spaces and accepts a name of exactly the limit', async () => {
    const plan = await h.ok('createPlan', { artist: { id: ids.artistId }, song: '  Love Lee  ' });
    expect(plan.song).toBe('Love Lee');
    const person = await h.ok('createPerson', { name: 'n'.repeat(NAME_MAX) });
    expect(person.name).toHaveLength(NAME_MAX);
  });

  it("stores SQL metacharacters literally: a song named '); DROP TABLE plans; -- is saved and plans survive", async () => {
    const song = "'); DROP TABLE plans; --";
    const before = count('plans');
    const takes = count('takes');
    const plan = await h.ok('createPlan', { artist: { name: "Robert'); DROP TABLE people;--" }, song, notes: '"; DELETE FROM takes; --' });
    expect((await h.ok('getPlan', { id: plan.id })).song).toBe(song);
    expect(plan.artist.name).toBe("Robert'); DROP TABLE people;--");
    expect(plan.notes).toBe('"; DELETE FROM takes; --');
    expect(count('plans')).toBe(before + 1);
    expect(count('takes')).toBe(takes);
    expect((await h.ok('listPlans', undefined)).some((p) => p.song === 'Love Lee')).toBe(true);
  });

  it('searches for % and _ literally, not as LIKE wildcards', async () => {
    await h.ok('addTakeMark', { takeId: ids.takeId, note: '100% clean' });
    expect(await h.ok('listTakes', { text: '%' })).toHaveLength(1);
    expect(await h.ok('listTakes', { text: '_' })).toHaveLength(0);
    expect(await h.ok('listTakes', { text: "'" })).toHaveLength(0);
  });

  it('leaves nothing behind when a later part of the input is refused', async () => {
    const before = dumpDatabase(h.db);
    const error = await h.refused('createPlan', {
      artist: { name: 'A brand-new artist' },
      song: 'Encore',
      venue: { name: 'A brand-new venue' },
      dancers: [{ name: 'A brand-new dancer' }],
      guests: [{ id: 99999 }],
    });
    expect({ code: error.code, field: error.field }).toEqual({ code: 'not_found', field: 'guests.0' });
    expect(dumpDatabase(h.db)).toEqual(before);
  });
});

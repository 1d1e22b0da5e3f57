import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { ImportResult } from '../../../shared/contract/plans';
import { dumpDatabase, Harness, runToGo } from '../test-harness';

// Export then import into an empty database gives identical plans; a bad file changes nothing.

let source: Harness;
let target: Harness;
beforeEach(() => {
  source = new Harness({ demo: true });
  target = new Harness();
});
afterEach(async () => {
  await source.dispose();
  await target.dispose();
});

/** listPlans as a person sees it: everything but the database's ids. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id' && k !== 'personId').map(([k, v]) => [k, withoutIds(v)]));
  }
  return value;
}

const HEADER = 'artist,artistAlt,song,songLength,venue,shootDate,callTime,countdown,warning,danger,dancers,guests,notes,status,runOrder';
const importCsv = (h: Harness, content: string, extra: { onlyValid?: boolean; dryRun?: boolean } = {}) =>
  h.ok('importPlans', { format: 'csv', content, ...extra }) as Promise<ImportResult>;

/** The demo plus the hard cases: a reordered day, notes over two lines, a name with a '|', a shot plan, an undated one. */
async function hardCases(h: Harness): Promise<void> {
  const plans = await h.ok('listPlans', undefined);
  await h.ok('reorderPlans', { ids: [plans[2]!.id, plans[0]!.id, plans[1]!.id] });
  const venue = await h.ok('createVenue', { name: '세종문화회관', nameAlt: 'Sejong Center', address: '175 Sejong-daero', area: '광화문', notes: 'Curfew 22:00, "strict"' });
  await h.ok('createPerson', { name: 'Kang Da-eun', nameAlt: '강다은', roles: ['dancer'] });
  await h.ok('createPerson', { name: 'Pipe | Dancer', roles: ['dancer'] });
  await h.ok('createPerson', { name: 'IU', nameAlt: '아이유', roles: ['artist'] });
  const plan = await h.ok('createPlan', {
    artist: { name: 'IU' },
    song: 'Through the Night (밤편지)',
    songLengthMs: 253_500,
    venue: { id: venue.id },
    shootDate: '2026-11-28',
    callTime: '07:05',
    countdownMs: 95_250,
    warningMs: 30_000,
    dangerMs: 5_000,
    dancers: [{ name: 'Pipe | Dancer' }, { name: 'Kang Da-eun' }, { name: 'Choi Yu-na' }],
    guests: [{ name: 'Sumi Jo' }],
    notes: 'Line one, with a comma\nLine two: "quoted"',
    status: 'shot',
  });
  expect(plan.dancers).toHaveLength(3);
  await h.ok('createPlan', { artist: { name: 'Sumi Jo' }, song: 'Undated encore' });
}

describe('export then import into an empty database', () => {
  it.each(['csv', 'json'] as const)('gives identical plans as %s', async (format) => {
    await hardCases(source);
    const file = await source.ok('exportPlans', { format });
    const result = await target.ok('importPlans', { format, content: file.content });
    const before = await source.ok('listPlans', undefined);
    expect(result).toEqual({ imported: before.length, valid: before.length, alreadyPlanned: 0, rows: before.length, errors: [] });
    expect(withoutIds(await target.ok('listPlans', undefined))).toEqual(withoutIds(before));
    // The roster is rebuilt from names, with the other-script names the file carried.
    const people = await target.ok('listPeople', undefined);
    expect(people.find((p) => p.name === 'Kang Da-eun')?.nameAlt).toBe('강다은');
    expect((await target.ok('listVenues', undefined)).find((v) => v.name === '세종문화회관')).toMatchObject({ nameAlt: 'Sejong Center', area: '광화문', notes: 'Curfew 22:00, "strict"' });
    expect((await target.ok('listVenues', undefined)).find((v) => v.name === 'KBS Hall')?.nameAlt).toBe('KBS홀');
  });

  it('exports one shoot day when asked, and CSV with a byte-order mark so spreadsheets read Hangul', async () => {
    const plans = await source.ok('listPlans', undefined);
    const file = await source.ok('exportPlans', { format: 'csv', shootDate: plans[0]!.shootDate! });
    expect(file.filename).toBe(`cuelight-plans-${plans[0]!.shootDate}.csv`);
    expect(file.content.startsWith('\uFEFFartist,artistAlt,song,')).toBe(true);
    expect(file.content.trim().split('\r\n')).toHaveLength(1 + plans.filter((p) => p.shootDate === plans[0]!.shootDate).length);
  });

  it('puts imported plans after the ones already there, in the file’s order', async () => {
    const file = await source.ok('exportPlans', { format: 'json' });
    await target.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Already here', shootDate: '2026-11-26' });
    await target.ok('importPlans', { format: 'json', content: file.content });
    const day = (await target.ok('listPlans', undefined)).filter((p) => p.shootDate === '2026-11-26').map((p) => p.song);
    expect(day).toEqual(['Already here', 'Love Lee', 'Ave Maria', 'For You (너를 위해)']);
    expect((await target.ok('listPeople', undefined)).filter((p) => p.name === 'AKMU')).toHaveLength(1);
  });
});

describe('a CSV with bad rows', () => {
  const BAD = [
    HEADER,
    'AKMU,악뮤,Love Lee,3:10,KBS Hall,2026-11-26,18:00,1:30,1:00,0:10,Kim Min-ji | Lee Seo-jun,,,ready,1',
    ',,No artist,,,2026-11-26,,1:00,,,,,,,2',
    'IU,,Palette,,,26/11/2026,25:00,1:75,,,,,,filmed,x',
    '',
    'Sumi Jo,,Ave Maria,,,,,0:03,0:10,0:20,Choi Yu-na | choi yu-na,,,,',
    'Lena Park,,Dreaming,,,,,,,,,,"a note',
    'over two lines",draft,',
  ].join('\n');

  it('reports every bad cell by line and column, and changes nothing', async () => {
    const before = dumpDatabase(source.db);
    const result = await importCsv(source, BAD);
    expect(result).toMatchObject({ imported: 0, valid: 2, rows: 5 });
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'artist', 'required'],
      [4, 'shootDate', 'date'],
      [4, 'callTime', 'time'],
      [4, 'countdown', 'duration'],
      [4, 'status', 'status'],
      [4, 'runOrder', 'run_order'],
      [6, 'countdown', 'countdown_range'],
      [6, 'danger', 'danger_over_warning'],
    ]);
    expect(result.errors.every((e) => e.message.length > 10)).toBe(true);
    expect(dumpDatabase(source.db)).toEqual(before);
  });

  it('refuses a day that does not exist and a name of invisible characters, on their cells', async () => {
    const file = [HEADER, 'AKMU,,Love Lee,,,2026-02-30,,,,,,,,,', '\u200b,,Dinosaur,,,2026-11-26,,,,,,,,,', 'AKMU,,Hangul,,,2026-02-29,,,,,\u3164,,,,'].join('\n');
    const result = await importCsv(target, file);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'shootDate', 'date'],
      [3, 'artist', 'invalid'],
      [4, 'shootDate', 'date'],
      [4, 'dancers', 'invalid'],
    ]);
    expect(result.errors[1]!.message).toMatch(/invisible characters/);
    expect(result.imported).toBe(0);
  });

  it('picks a venue by its name in either script, and gives a new one its venueAlt', async () => {
    const header = 'artist,song,venue,venueAlt,venueAddress';
    const file = [header, 'AKMU,Love Lee,국립중앙박물관,,', 'AKMU,Dinosaur,Lotte Concert Hall,롯데콘서트홀,"서울 송파구 올림픽로 300"'].join('\n');
    expect(await importCsv(source, file)).toMatchObject({ imported: 2, errors: [] });
    const venues = await source.ok('listVenues', undefined);
    expect(venues.filter((v) => v.nameAlt === '국립중앙박물관')).toHaveLength(1);
    expect(venues.find((v) => v.name === 'Lotte Concert Hall')).toMatchObject({ nameAlt: '롯데콘서트홀', address: '서울 송파구 올림픽로 300' });
    const plans = await source.ok('listPlans', undefined);
    expect(plans.find((p) => p.song === 'Dinosaur')?.venue?.nameAlt).toBe('롯데콘서트홀');
    expect(plans.filter((p) => p.venue?.name === 'National Museum of Korea')).toHaveLength(2);
  });

  it('refuses a new venue whose other-script name is another venue’s, on its venueAlt cell', async () => {
    const file = ['artist,song,venue,venueAlt', 'AKMU,Dinosaur,KBS Annex,KBS홀'].join('\n');
    const result = await importCsv(source, file);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'venueAlt', 'venue_name_taken']]);
    expect((await source.ok('listVenues', undefined)).map((v) => v.name)).not.toContain('KBS Annex');
  });

  it('finds a person listed twice under two spellings, which only the roster can tell', async () => {
    const result = await importCsv(source, [HEADER, 'AKMU,,Love Lee,,,,,,,,Kim Min-ji | 김민지,,,,'].join('\n'));
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'dancers', 'duplicate_person']]);
  });

  it('takes back whoever a refused row added to the roster, and lets a later row add them', async () => {
    const file = [HEADER, 'AKMU,,A,,,,,,,,New Dancer | Kang | kang,,,,', 'AKMU,,B,,,,,,,,Kang,,,,'].join('\n');
    const result = await importCsv(target, file, { onlyValid: true });
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'dancers', 'duplicate_person']]);
    expect((await target.ok('listPlans', undefined)).map((p) => [p.song, p.dancers.map((d) => d.name)])).toEqual([['B', ['Kang']]]);
    expect((await target.ok('listPeople', undefined)).map((p) => p.name)).toEqual(['AKMU', 'Kang']);
  });

  it('imports only the valid rows when asked, all in one go', async () => {
    const count = (await source.ok('listPlans', undefined)).length;
    const result = await importCsv(source, BAD, { onlyValid: true });
    // AKMU's "Love Lee" on 2026-11-26 is in the demo shoot already: valid, but not added again.
    expect(result).toMatchObject({ imported: 1, valid: 2, alreadyPlanned: 1 });
    const songs = (await source.ok('listPlans', undefined)).map((p) => p.song);
    expect(songs).toHaveLength(count + 1);
    expect(songs).toContain('Dreaming');
  });

  it('adds nothing when the same file is imported again, and says the plans were already there', async () => {
    await hardCases(source);
    const file = await source.ok('exportPlans', { format: 'csv' });
    const first = await target.ok('importPlans', { format: 'csv', content: file.content });
    const plans = await target.ok('listPlans', undefined);
    // Archived plans count too (a plan with a take is archived when deleted), and names compare
    // as people type them (case, NFC).
    await runToGo(target, plans[0]!.id);
    await target.ok('countdownCommand', { type: 'end' });
    expect(await target.ok('deletePlan', { id: plans[0]!.id })).toMatchObject({ archived: true });
    const again = await target.ok('importPlans', { format: 'csv', content: file.content.replace('Love Lee', 'LOVE LEE') });
    expect(again).toEqual({ imported: 0, valid: first.valid, alreadyPlanned: first.valid, rows: first.rows, errors: [] });
    expect(await target.ok('listPlans', { includeArchived: true })).toHaveLength(plans.length);
    // Another shoot date is another performance.
    const moved = await importCsv(target, [HEADER, 'AKMU,,Love Lee,,,2027-01-05,,,,,,,,,'].join('\n'));
    expect(moved).toMatchObject({ imported: 1, alreadyPlanned: 0 });
  });

  it('changes nothing on a dry run, even with every row valid', async () => {
    const before = dumpDatabase(target.db);
    const result = await importCsv(target, [HEADER, 'AKMU,,Love Lee,,,,,,,,,,,,'].join('\n'), { dryRun: true });
    expect(result).toEqual({ imported: 0, valid: 1, alreadyPlanned: 0, rows: 1, errors: [] });
    expect(dumpDatabase(target.db)).toEqual(before);
  });

  it('gives a dry run the answer the import itself gives: the roster\'s refusals and the plans already there included', async () => {
    // Just committed: only a copy of the store as it is now knows these two names are one person.
    await source.ok('createPerson', { name: 'Fresh Dancer', nameAlt: '신입 댄서', roles: ['dancer'] });
    const file = [
      HEADER,
      'AKMU,,Love Lee,,,2026-11-26,,,,,,,,,', // in the demo shoot already
      'AKMU,,Dreaming,,,,,,,,Kim Min-ji | 김민지,,,,', // one person under two spellings
      'AKMU,,Fresh,,,,,,,,Fresh Dancer | 신입 댄서,,,,',
    ].join('\n');
    const before = dumpDatabase(source.db);
    const dry = await importCsv(source, file, { dryRun: true });
    expect(dumpDatabase(source.db)).toEqual(before);
    expect(dry).toEqual({ ...(await importCsv(source, file)), imported: 0 });
    expect(dry).toMatchObject({ valid: 1, alreadyPlanned: 1, rows: 3 });
    expect(dry.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'dancers', 'duplicate_person'],
      [4, 'dancers', 'duplicate_person'],
    ]);
    expect(dumpDatabase(source.db)).toEqual(before); // the import refused the whole file for its one bad row
  });

  it('refuses a header it cannot map, naming the column, before reading any row', async () => {
    const result = await importCsv(target, 'artist,songTitle,Song,song\nAKMU,x,Love Lee,y\n');
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, 'songTitle', 'unknown_column'],
      [1, 'song', 'duplicate_column'],
    ]);
    expect(result.valid).toBe(0);
  });

  it('says a file with only a header has no plans, and an open quote where it starts', async () => {
    expect((await importCsv(target, `${HEADER}\n\n`)).errors.map((e) => e.code)).toEqual(['empty_file']);
    expect((await importCsv(target, `${HEADER}\nAKMU,,"Love Lee,\n`)).errors.map((e) => [e.line, e.code])).toEqual([[2, 'quotes']]);
  });

  it('stores Hangul typed in NFD as NFC, and matches the roster by it', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    await importCsv(source, [HEADER, `${nfd('조수미')},,${nfd('아리랑')},,,,,,,,${nfd('김민지')},,,,`].join('\n'));
    const plan = (await source.ok('listPlans', undefined)).find((p) => p.song === '아리랑'.normalize('NFC'))!;
    expect(plan.artist.name).toBe('Sumi Jo');
    expect(plan.dancers.map((d) => d.name)).toEqual(['Kim Min-ji']);
  });
});

describe('a JSON file with bad plans', () => {
  it('names the line each bad plan starts on and the field to fix', async () => {
    const content = JSON.stringify(
      [{ artist: { name: 'AKMU' }, song: 'Fine' }, { artist: { name: 'AKMU' }, song: '', countdownMs: '90' }, { artist: 'AKMU', song: 'x', extra: 1 }],
      null,
      2,
    );
    const result = await target.ok('importPlans', { format: 'json', content });
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [8, 'song', 'required'],
      [8, 'countdownMs', 'invalid'],
      [15, 'artist', 'invalid'],
      [15, 'extra', 'invalid'],
    ]);
    expect(await target.ok('listPlans', undefined)).toEqual([]);
  });

  it('points at the line where the JSON breaks', async () => {
    const result = await target.ok('importPlans', { format: 'json', content: '[\n  { "artist": { "name": "AKMU" },\n    "song": "x" \n  \n' });
    expect(result.errors).toMatchObject([{ code: 'bad_json' }]);
    expect(result.errors[0]!.line).toBeGreaterThanOrEqual(4);
    expect((await target.ok('importPlans', { format: 'json', content: '{"artist":"AKMU"}' })).errors.map((e) => e.code)).toEqual(['not_array']);
  });
});

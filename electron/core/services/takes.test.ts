import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { dumpDatabase, Harness, runToGo } from '../test-harness';
import { startOscListener } from '../../../e2e/show-control/stand-ins.mjs';

let h: Harness;
let planId: number;

beforeEach(async () => {
  h = new Harness({ demo: true });
  planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
});
afterEach(() => h.dispose());

/** Shoots one take of Love Lee and ends it `lengthMs` after GO; returns the take id and GO time. */
async function shoot(rehearsal = false, lengthMs = 240_000): Promise<{ takeId: number; goAt: number }> {
  const go = await runToGo(h, planId, rehearsal);
  h.clock.set(go.goAt! + lengthMs);
  await h.ok('countdownCommand', { type: 'end' });
  return { takeId: go.takeId!, goAt: go.goAt! };
}

/** One turn of the event loop: what follows a reply (displays told, show control fired) has run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const history = (takeId: number) =>
  h.db
    .prepare(
      'SELECT changed_at, changed_by, before_outcome, after_outcome, before_reason, after_reason FROM take_outcome_history WHERE take_id = ? ORDER BY seq',
    )
    .all(takeId);

describe('setTakeOutcome', () => {
  it('records each change in the history, before -> after, with who and when', async () => {
    await h.ok('updateSettings', { crewName: '김지호' });
    const { takeId } = await shoot();
    const t1 = h.clock.now();
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', failureReason: 'vocal', note: 'Cracked the high note' });
    h.clock.advance(60_000);
    const saved = await h.ok('setTakeOutcome', { id: takeId, outcome: 'succeeded' });
    // The answer is what was written, and it is what the take now holds.
    expect(saved).toEqual({ id: takeId, number: 1, outcome: 'succeeded', failureReason: null, note: 'Cracked the high note', loggedBy: '김지호' });
    expect(await h.ok('getTake', { id: takeId })).toMatchObject(saved);
    expect(history(takeId)).toEqual([
      { changed_at: t1, changed_by: '김지호', before_outcome: 'pending', after_outcome: 'failed', before_reason: null, after_reason: 'vocal' },
      { changed_at: t1 + 60_000, changed_by: '김지호', before_outcome: 'failed', after_outcome: 'succeeded', before_reason: 'vocal', after_reason: null },
    ]);
  });

  it('records a changed failure reason, but not a note-only edit', async () => {
    const { takeId } = await shoot();
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', failureReason: 'vocal' });
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', failureReason: 'camera' });
    const take = await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', note: 'Focus pulled late' });
    expect(take).toMatchObject({ failureReason: 'camera', note: 'Focus pulled late' });
    expect(history(takeId)).toMatchObject([
      { before_outcome: 'pending', after_reason: 'vocal' },
      { before_reason: 'vocal', after_reason: 'camera' },
    ]);
  });

  it('files a failure without a reason under "other"', async () => {
    const { takeId } = await shoot();
    expect((await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed' })).failureReason).toBe('other');
  });

  it('marks the plan shot when a real take succeeds', async () => {
    const { takeId } = await shoot();
    expect((await h.ok('getPlan', { id: planId })).status).toBe('ready');
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'succeeded' });
    expect((await h.ok('getPlan', { id: planId })).status).toBe('shot');
  });

  it('tells displays the plan list changed only when the plan became shot', async () => {
    const { takeId } = await shoot();
    const heard: string[] = [];
    h.core.events.on('dataChanged', (c) => heard.push(c.tables.join(',')));
    const updatedAt = () => h.db.prepare('SELECT updated_at FROM plans WHERE id = ?').pluck().get(planId);
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', failureReason: 'camera' });
    expect(heard, 'the crew is answered before displays are told').toEqual([]);
    await nextTurn();
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'succeeded' });
    await nextTurn();
    const shotAt = updatedAt();
    h.clock.advance(60_000);
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'succeeded', note: 'Clean after all' });
    await nextTurn();
    expect(heard).toEqual(['takes', 'takes,plans', 'takes']);
    expect(updatedAt()).toBe(shotAt); // a plan already shot is not rewritten
  });

  it('fires show control\'s "outcome" triggers with the outcome just logged, once the crew has its answer', async () => {
    const osc = await startOscListener();
    try {
      const action = { kind: 'osc' as const, host: '127.0.0.1', port: osc.port, address: '/slate', args: ['{take}', '{outcome}'] };
      await h.ok('saveTriggers', { planId: null, triggers: [{ name: 'Slate', event: 'outcome', action }] });
      const { takeId } = await shoot();
      const results: string[] = [];
      h.core.events.on('triggerResult', (r) => results.push(r.status));
      await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', failureReason: 'vocal' });
      for (let i = 0; i < 200 && osc.packets.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(osc.packets.map((p) => [p.address, p.args])).toEqual([['/slate', [1, 'failed']]]);
      for (let i = 0; i < 200 && results.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(results).toEqual(['sent']);
    } finally {
      await osc.close();
    }
  });

  it('does not mark the plan shot for a successful rehearsal, or a failed take', async () => {
    const rehearsal = await shoot(true);
    await h.ok('setTakeOutcome', { id: rehearsal.takeId, outcome: 'succeeded' });
    const real = await shoot();
    await h.ok('setTakeOutcome', { id: real.takeId, outcome: 'failed', failureReason: 'sound' });
    expect((await h.ok('getPlan', { id: planId })).status).toBe('ready');
  });

  it('refuses a failure reason on a succeeded take, naming the field, and changes nothing', async () => {
    const { takeId } = await shoot();
    const before = dumpDatabase(h.db);
    const error = await h.refused('setTakeOutcome', { id: takeId, outcome: 'succeeded', failureReason: 'vocal' });
    expect({ code: error.code, field: error.field }).toEqual({ code: 'invalid_input', field: 'failureReason' });
    expect(error.message).toMatch(/failed/);
    expect(dumpDatabase(h.db)).toEqual(before);
    expect((await h.ok('getPlan', { id: planId })).status).toBe('ready');
  });

  it('lists takes by outcome, newest first', async () => {
    const first = await shoot();
    const second = await shoot();
    await h.ok('setTakeOutcome', { id: first.takeId, outcome: 'failed' });
    expect((await h.ok('listTakes', {})).map((t) => t.id)).toEqual([second.takeId, first.takeId]);
    expect((await h.ok('listTakes', { outcome: 'failed' })).map((t) => t.id)).toEqual([first.takeId]);
    expect((await h.ok('listTakes', { outcome: 'pending', planId })).map((t) => t.id)).toEqual([second.takeId]);
  });
  it('finds takes by text as the review does: any script with case, NFC, the artist in either script', async () => {
    const first = await shoot();
    const second = await shoot();
    await h.ok('setTakeOutcome', { id: first.takeId, outcome: 'failed', failureReason: 'other', note: 'ÉCOLE lights late — ПРОВОД 50%_off' });
    const found = async (text: string) => (await h.ok('listTakes', { text })).map((t) => t.id);
    for (const text of ['école', 'провод', '50%_off', 'École'.normalize('NFD')]) expect(await found(text), text).toEqual([first.takeId]);
    expect(await found('5_%off')).toEqual([]);
    const artist = (await h.ok('getPlan', { id: planId })).artist;
    if (artist.nameAlt) expect(await found(artist.nameAlt)).toEqual([second.takeId, first.takeId]);
    expect(await found(artist.name.toUpperCase())).toEqual([second.takeId, first.takeId]);
  });
});

describe('addTakeMark', () => {
  it('without atMs, records the time since GO from the clock', async () => {
    const go = await runToGo(h, planId);
    h.clock.set(go.goAt! + 12_500);
    const take = await h.ok('addTakeMark', { takeId: go.takeId!, note: 'Second verse' });
    expect(take.marks).toMatchObject([{ atMs: 12_500, note: 'Second verse' }]);
  });

  it('after the take has ended, a mark without atMs is placed at the end, not past it', async () => {
    const { takeId } = await shoot(false, 30_000);
    h.clock.advance(10_000);
    const take = await h.ok('addTakeMark', { takeId, note: 'Applause' });
    expect(take.marks.map((m) => m.atMs)).toEqual([30_000]);
  });

  it('keeps an explicit atMs, and lists marks in time order', async () => {
    const { takeId } = await shoot();
    await h.ok('addTakeMark', { takeId, note: 'Bridge', atMs: 150_000 });
    const take = await h.ok('addTakeMark', { takeId, note: 'Intro', atMs: 5_000 });
    expect(take.marks.map((m) => [m.atMs, m.note])).toEqual([
      [5_000, 'Intro'],
      [150_000, 'Bridge'],
    ]);
    expect((await h.ok('getTake', { id: takeId })).marks).toEqual(take.marks);
  });
});

describe('editing marks afterwards', () => {
  it('changes a mark’s note and time, keeping the marks in time order', async () => {
    const { takeId } = await shoot(false, 200_000);
    await h.ok('addTakeMark', { takeId, note: 'dancer slip', atMs: 133_000 });
    const [mark] = (await h.ok('addTakeMark', { takeId, note: 'Intro', atMs: 5_000 })).marks;
    const take = await h.ok('updateTakeMark', { id: mark!.id, atMs: 150_000, note: 'Intro (late)' });
    expect(take.marks.map((m) => [m.atMs, m.note])).toEqual([
      [133_000, 'dancer slip'],
      [150_000, 'Intro (late)'],
    ]);
    const noteOnly = await h.ok('updateTakeMark', { id: mark!.id, note: '인트로' });
    expect(noteOnly.marks.find((m) => m.id === mark!.id)).toMatchObject({ atMs: 150_000, note: '인트로' });
  });

  it('deletes a mark and answers with the take without it', async () => {
    const { takeId } = await shoot();
    const { marks } = await h.ok('addTakeMark', { takeId, note: 'Bridge', atMs: 10_000 });
    const after = await h.ok('deleteTakeMark', { id: marks[0]!.id });
    expect(after.marks).toEqual([]);
    expect((await h.refused('deleteTakeMark', { id: marks[0]!.id })).code).toBe('not_found');
  });

  it('refuses a time after the take ended, naming the field and the take’s length, and changes nothing', async () => {
    const { takeId } = await shoot(false, 95_000);
    const { marks } = await h.ok('addTakeMark', { takeId, note: 'Bridge', atMs: 10_000 });
    const before = dumpDatabase(h.db);
    const error = await h.refused('updateTakeMark', { id: marks[0]!.id, atMs: 96_000 });
    expect({ code: error.code, field: error.field }).toEqual({ code: 'invalid_input', field: 'atMs' });
    expect(error.message).toMatch(/1:35/);
    expect(dumpDatabase(h.db)).toEqual(before);
    expect((await h.ok('updateTakeMark', { id: marks[0]!.id, atMs: 95_000 })).marks[0]!.atMs).toBe(95_000);
  });
});

describe('getTakeHistory', () => {
  it('lists each outcome change with who, when, before and after, oldest first', async () => {
    await h.ok('updateSettings', { crewName: 'Ji-ho' });
    const { takeId } = await shoot();
    expect(await h.ok('getTakeHistory', { id: takeId })).toEqual([]);
    const t1 = h.clock.now();
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'failed', failureReason: 'camera' });
    await h.ok('updateSettings', { crewName: '김지호' });
    h.clock.advance(90_000);
    await h.ok('setTakeOutcome', { id: takeId, outcome: 'succeeded' });
    expect(await h.ok('getTakeHistory', { id: takeId })).toEqual([
      { changedAt: t1, changedBy: 'Ji-ho', beforeOutcome: 'pending', afterOutcome: 'failed', beforeReason: null, afterReason: 'camera' },
      { changedAt: t1 + 90_000, changedBy: '김지호', beforeOutcome: 'failed', afterOutcome: 'succeeded', beforeReason: 'camera', afterReason: null },
    ]);
  });
});

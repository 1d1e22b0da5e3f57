import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Harness, runToGo } from '../test-harness';

// Duplicate, delete or archive, and the shoot day's run order that the console's "next up" follows.

let h: Harness;
beforeEach(() => {
  h = new Harness({ demo: true });
});
afterEach(() => h.dispose());

const songs = async (includeArchived = false) => (await h.ok('listPlans', { includeArchived })).map((p) => p.song);
const planBySong = async (song: string) => (await h.ok('listPlans', { includeArchived: true })).find((p) => p.song === song)!;
const DAY_ONE = ['Love Lee', 'Ave Maria', 'For You (너를 위해)'];

describe('duplicatePlan', () => {
  it('copies a plan as a draft right after the original, with its people and venue', async () => {
    const original = await planBySong('Love Lee');
    const copy = await h.ok('duplicatePlan', { id: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ status: 'draft', takeCount: 0, song: 'Love Lee', shootDate: original.shootDate, venue: original.venue });
    expect(copy.dancers).toEqual(original.dancers);
    expect((await songs()).slice(0, 4)).toEqual(['Love Lee', 'Love Lee', 'Ave Maria', 'For You (너를 위해)']);
  });
});

describe('deletePlan', () => {
  it('deletes a plan without takes, with its dancer list, and keeps the roster', async () => {
    const plan = await planBySong('Starry Night (별이 빛나는 밤)');
    const people = await h.ok('listPeople', undefined);
    expect(await h.ok('deletePlan', { id: plan.id })).toEqual({ deleted: true, archived: false });
    expect(await songs(true)).not.toContain(plan.song);
    expect(h.db.prepare('SELECT count(*) FROM plan_members WHERE plan_id = ?').pluck().get(plan.id)).toBe(0);
    expect(await h.ok('listPeople', undefined)).toEqual(people);
  });

  it('archives a plan with takes instead: hidden from the list, its takes still in the log', async () => {
    const plan = await planBySong('Love Lee');
    const go = await runToGo(h, plan.id);
    await h.ok('countdownCommand', { type: 'end' });
    expect(await h.ok('deletePlan', { id: plan.id })).toEqual({ deleted: false, archived: true });
    expect(await songs()).not.toContain('Love Lee');
    expect(await planBySong('Love Lee')).toMatchObject({ archived: true, takeCount: 1 });
    expect((await h.ok('getTake', { id: go.takeId! })).song).toBe('Love Lee');
    expect(await h.ok('deletePlan', { id: plan.id })).toEqual({ deleted: false, archived: true });
  });

  it('restores an archived plan to the list, in its old place, with its takes', async () => {
    const before = await songs();
    const plan = await planBySong('Love Lee');
    await runToGo(h, plan.id);
    await h.ok('countdownCommand', { type: 'end' });
    await h.ok('deletePlan', { id: plan.id });
    const restored = await h.ok('restorePlan', { id: plan.id });
    expect(restored).toMatchObject({ archived: false, takeCount: 1, runOrder: plan.runOrder });
    expect(await songs()).toEqual(before);
    const again = await h.refused('restorePlan', { id: plan.id });
    expect(again).toMatchObject({ code: 'conflict', field: 'id', message: expect.stringContaining('already in the plan list') });
  });

  it('refuses while the console has the plan armed, saying what to do, and changes nothing', async () => {
    const plan = await planBySong('Ave Maria');
    await h.ok('countdownCommand', { type: 'arm', planId: plan.id, rehearsal: false });
    const error = await h.refused('deletePlan', { id: plan.id });
    expect(error).toMatchObject({ code: 'conflict', field: 'id' });
    expect(error.message).toMatch(/reset the countdown/);
    expect(await songs()).toContain('Ave Maria');
  });
});

describe('reorderPlans', () => {
  it('sets the run order of a day and keeps it after a restart', async () => {
    const day = (await h.ok('listPlans', undefined)).slice(0, 3);
    const reordered = await h.ok('reorderPlans', { ids: [day[2]!.id, day[0]!.id, day[1]!.id] });
    expect(reordered.slice(0, 3).map((p) => p.song)).toEqual([DAY_ONE[2], DAY_ONE[0], DAY_ONE[1]]);
    h.reopen();
    expect((await songs()).slice(0, 3)).toEqual([DAY_ONE[2], DAY_ONE[0], DAY_ONE[1]]);
    expect((await songs()).slice(3)).toEqual(['Reminiscence (회상)', 'Starry Night (별이 빛나는 밤)', 'Dreaming (꿈에)']);
  });

  it('gives the console its next performance in the new order, skipping what is shot', async () => {
    const day = (await h.ok('listPlans', undefined)).slice(0, 3);
    await h.ok('reorderPlans', { ids: [day[1]!.id, day[2]!.id, day[0]!.id] });
    await runToGo(h, day[1]!.id);
    await h.ok('countdownCommand', { type: 'end' });
    const take = (await h.ok('listTakes', {}))[0]!;
    await h.ok('setTakeOutcome', { id: take.id, outcome: 'succeeded' });
    const nextUp = (await h.ok('listPlans', undefined)).find((p) => p.status !== 'shot');
    expect(nextUp?.song).toBe(DAY_ONE[2]);
  });

  it('leaves a plan with no date after the dated ones whatever its number', async () => {
    const undated = await h.ok('createPlan', { artist: { name: 'AKMU' }, song: 'Undated' });
    await h.ok('reorderPlans', { ids: [undated.id] });
    expect((await songs()).at(-1)).toBe('Undated');
  });
});

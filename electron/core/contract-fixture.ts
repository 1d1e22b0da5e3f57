/**
 * The set-up the contract tests share: the demo shoot plus one finished take, and the ids a call
 * can point at. Not part of the app's bundle.
 */
import type { Harness } from './test-harness';
import { runToGo } from './test-harness';

export interface Ids {
  planId: number;
  artistId: number;
  dancerId: number;
  venueId: number;
  takeId: number;
  markId: number;
  /** "Ave Maria", shot once and then deleted, so archived with its take. */
  archivedPlanId: number;
  /** Camera's readiness link token and id. */
  departmentToken: string;
  departmentId: number;
}

/** AKMU's "Love Lee" has been shot once; its countdown is ended, ready to arm again. "Ave Maria" is archived. */
export async function shootOneTake(h: Harness): Promise<Ids> {
  const plans = await h.ok('listPlans', undefined);
  const plan = plans.find((p) => p.song === 'Love Lee')!;
  const go = await runToGo(h, plan.id);
  // A mark at the start of the take, so the mark-editing methods have one to work on.
  const marked = await h.ok('addTakeMark', { takeId: go.takeId!, note: 'Intro', atMs: 0 });
  await h.ok('countdownCommand', { type: 'end' });
  const archived = plans.find((p) => p.song === 'Ave Maria')!;
  await runToGo(h, archived.id);
  await h.ok('countdownCommand', { type: 'end' });
  await h.ok('deletePlan', { id: archived.id });
  const camera = (await h.ok('listDepartmentLinks', undefined))[0]!;
  return {
    planId: plan.id,
    artistId: plan.artist.personId,
    dancerId: plan.dancers[0]!.personId,
    venueId: plan.venue!.id,
    takeId: go.takeId!,
    markId: marked.marks[0]!.id,
    archivedPlanId: archived.id,
    departmentToken: camera.token,
    departmentId: camera.id,
  };
}

import type { Db } from '../db/open';
import type { Take } from '../../../shared/schemas';
import type { OutcomeChange } from '../../../shared/contract/takes';
import type { MethodParsedInput } from '../../../shared/api';
import * as takes from '../repos/takes';
import { setPlanStatus } from '../repos/plans';
import { getSetting } from '../repos/settings';
import { notFound, refusal } from '../errors';
import { formatTakeTime } from '../../../shared/countdown';

export function requireTake(db: Db, id: number, field = 'id'): Take {
  const take = takes.getTake(db, id);
  if (!take) throw notFound('take', id, field);
  return take;
}

type OutcomeInput = MethodParsedInput<'setTakeOutcome'>;

/** The take as it is after the change, and whether its plan became shot (the plan list then changed too). */
export interface OutcomeCommitted {
  take: Take;
  planShot: boolean;
}

function commitOutcome(db: Db, input: OutcomeInput, now: number): OutcomeCommitted {
  const found = takes.getTakeWithPlan(db, input.id);
  if (!found) throw notFound('take', input.id, 'id');
  const before = found.take;
  const failureReason = input.outcome === 'failed' ? (input.failureReason ?? before.failureReason ?? 'other') : null;
  if (input.outcome !== 'failed' && input.failureReason) {
    throw refusal('invalid_input', 'err.onlyFailedHasReason', { field: 'failureReason', prefixField: true });
  }
  const loggedBy = takes.setOutcome(db, before, { outcome: input.outcome, failureReason, note: input.note, changedBy: getSetting(db, 'crewName') ?? '' }, now);
  const planShot = input.outcome === 'succeeded' && !before.rehearsal && found.planStatus !== 'shot' && setPlanStatus(db, before.planId, 'shot', now);
  // Only these four columns changed: no second read of the take inside the commit.
  return { take: { ...before, outcome: input.outcome, failureReason, note: input.note ?? before.note, loggedBy }, planShot };
}

/** The outcome transaction, wrapped once per connection: it is the commit the crew waits on most. */
const outcomeCommits = new WeakMap<Db, (input: OutcomeInput, now: number) => OutcomeCommitted>();

/** One commit: the outcome, its history row, and the plan marked shot when a real take succeeds. */
export function setTakeOutcome(db: Db, input: OutcomeInput, now: number): OutcomeCommitted {
  let commit = outcomeCommits.get(db);
  if (!commit) outcomeCommits.set(db, (commit = db.transaction((i: OutcomeInput, at: number) => commitOutcome(db, i, at)).immediate));
  return commit(input, now);
}

export function addTakeMark(db: Db, input: MethodParsedInput<'addTakeMark'>, now: number): Take {
  return db.transaction(() => {
    const take = requireTake(db, input.takeId, 'takeId');
    if (input.atMs !== undefined) assertWithinTake(take, input.atMs);
    const atMs = input.atMs ?? Math.max(0, Math.min(now, take.endedAt ?? now) - take.goAt);
    takes.insertMark(db, take.id, atMs, input.note, now);
    return requireTake(db, take.id);
  }).immediate();
}

/** A mark placed after an ended take's last moment is a typo; an open take can still run on. */
function assertWithinTake(take: Take, atMs: number): void {
  if (take.endedAt === null) return;
  const lengthMs = take.endedAt - take.goAt;
  if (atMs > lengthMs) {
    const length = formatTakeTime(lengthMs);
    throw refusal('invalid_input', 'err.markAfterEnd', { params: { length }, field: 'atMs', prefixField: true });
  }
}

export function updateTakeMark(db: Db, input: MethodParsedInput<'updateTakeMark'>): Take {
  return db.transaction(() => {
    const mark = takes.getMark(db, input.id);
    if (!mark) throw notFound('mark', input.id, 'id');
    const take = requireTake(db, mark.takeId);
    if (input.atMs !== undefined) assertWithinTake(take, input.atMs);
    takes.updateMark(db, { ...mark, atMs: input.atMs ?? mark.atMs, note: input.note ?? mark.note });
    return requireTake(db, take.id);
  }).immediate();
}

export function deleteTakeMark(db: Db, input: MethodParsedInput<'deleteTakeMark'>): Take {
  return db.transaction(() => {
    const mark = takes.getMark(db, input.id);
    if (!mark) throw notFound('mark', input.id, 'id');
    takes.deleteMark(db, mark.id);
    return requireTake(db, mark.takeId);
  }).immediate();
}

export function takeHistory(db: Db, id: number): OutcomeChange[] {
  requireTake(db, id);
  return takes.outcomeHistory(db, id);
}

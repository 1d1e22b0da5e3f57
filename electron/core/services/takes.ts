import type { Db } from '../db/open';
import type { Take } from '../../../shared/schemas';
import type { MethodParsedInput } from '../../../shared/api';
import * as takes from '../repos/takes';
import { setPlanStatus } from '../repos/plans';
import { getSetting } from '../repos/settings';
import { CuelightError, notFound } from '../errors';

export function requireTake(db: Db, id: number, field = 'id'): Take {
  const take = takes.getTake(db, id);
  if (!take) throw notFound('Take', id, field);
  return take;
}

/** One commit: the outcome, its history row, and the plan marked shot when a real take succeeds. */
export function setTakeOutcome(db: Db, input: MethodParsedInput<'setTakeOutcome'>, now: number): Take {
  return db.transaction(() => {
    const before = requireTake(db, input.id);
    const failureReason = input.outcome === 'failed' ? (input.failureReason ?? before.failureReason ?? 'other') : null;
    if (input.outcome !== 'failed' && input.failureReason) {
      throw new CuelightError('invalid_input', 'failureReason: Only a failed take has a failure reason', 'failureReason');
    }
    takes.setOutcome(db, before, { outcome: input.outcome, failureReason, note: input.note, changedBy: getSetting(db, 'crewName') ?? '' }, now);
    if (input.outcome === 'succeeded' && !before.rehearsal) setPlanStatus(db, before.planId, 'shot', now);
    return requireTake(db, input.id);
  }).immediate();
}

export function addTakeMark(db: Db, input: MethodParsedInput<'addTakeMark'>, now: number): Take {
  return db.transaction(() => {
    const take = requireTake(db, input.takeId, 'takeId');
    const atMs = input.atMs ?? Math.max(0, Math.min(now, take.endedAt ?? now) - take.goAt);
    takes.insertMark(db, take.id, atMs, input.note, now);
    return requireTake(db, take.id);
  }).immediate();
}

import type { Db } from '../db/open';
import type { Take } from '../../../shared/schemas';
import type { OutcomeChange, OutcomeSaved } from '../../../shared/contract/takes';
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

/** What the change wrote, and whether its plan became shot (the plan list then changed too). */
export interface OutcomeCommitted {
  saved: OutcomeSaved;
  planShot: boolean;
}

function commitOutcome(db: Db, input: OutcomeInput, now: number): OutcomeCommitted {
  const written = takes.writeOutcome(db, { ...input, changedBy: getSetting(db, 'crewName') ?? '' }, now);
  if (!written) throw notFound('take', input.id, 'id');
  const planShot = input.outcome === 'succeeded' && !written.rehearsal && written.planStatus !== 'shot' && setPlanStatus(db, written.planId, 'shot', now);
  const saved = { id: input.id, number: written.number, outcome: input.outcome, failureReason: written.failureReason, note: written.note, loggedBy: written.loggedBy };
  return { saved, planShot };
}

/** The outcome transaction, wrapped once per connection: it is the commit the crew waits on most. */
const outcomeCommits = new WeakMap<Db, (input: OutcomeInput, now: number) => OutcomeCommitted>();

/** One commit: the outcome, its history row, and the plan marked shot when a real take succeeds. */
export function setTakeOutcome(db: Db, input: OutcomeInput, now: number): OutcomeCommitted {
  // Only a failure has a reason: refused before the transaction starts, so nothing is written.
  if (input.outcome !== 'failed' && input.failureReason) {
    throw refusal('invalid_input', 'err.onlyFailedHasReason', { field: 'failureReason', prefixField: true });
  }
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

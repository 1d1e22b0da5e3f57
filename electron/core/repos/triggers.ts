import type { Db } from '../db/open';
import type { z } from 'zod';
import { trigger, type Trigger, type TriggerList, type TriggerResult, type triggerInput } from '../../../shared/contract/triggers';
import { statement } from '../db/statements';

type ParsedTriggerInput = z.output<typeof triggerInput>;

interface TriggerRow {
  id: number;
  spec: string;
}

interface ResultRow {
  run: number;
  plan_id: number | null;
  trigger_id: number | null;
  name: string;
  event: TriggerResult['event'];
  kind: TriggerResult['kind'];
  status: TriggerResult['status'];
  detail: string;
  fired_at: number;
  late_ms: number;
  clip: string | null;
  timecode: string | null;
  take_id: number | null;
}

/** A stored trigger; a row this version cannot read is skipped, not fired half-understood. */
function rowToTrigger(row: TriggerRow): Trigger | null {
  const parsed = trigger.safeParse({ ...(JSON.parse(row.spec) as object), id: row.id });
  return parsed.success ? parsed.data : null;
}

function triggersOf(db: Db, planId: number | null): Trigger[] {
  const rows = statement(db, 'SELECT id, spec FROM triggers WHERE plan_id IS CAST(? AS INTEGER) ORDER BY position, id')
    .all(planId) as TriggerRow[];
  return rows.map(rowToTrigger).filter((t): t is Trigger => t !== null);
}

export function hasOverride(db: Db, planId: number): boolean {
  return statement(db, 'SELECT 1 FROM trigger_overrides WHERE plan_id = ?').get(planId) !== undefined;
}

/** The list as edited: the shoot's, or a plan's (its own when it overrides, else the shoot's it follows). */
export function getTriggerList(db: Db, planId: number | null): TriggerList {
  const override = planId !== null && hasOverride(db, planId);
  return { planId, override, triggers: triggersOf(db, override ? planId : null) };
}

/** What fires for a plan: its own list when it has one, the shoot's otherwise. */
export function triggersForPlan(db: Db, planId: number): Trigger[] {
  return triggersOf(db, hasOverride(db, planId) ? planId : null);
}

/** Replaces one list; ids that belonged to it are kept so past results stay linked. */
export function saveTriggerList(db: Db, planId: number | null, override: boolean, triggers: ParsedTriggerInput[]): void {
  db.transaction(() => {
    const owned = new Set(
      statement(db, 'SELECT id FROM triggers WHERE plan_id IS CAST(? AS INTEGER)').pluck().all(planId) as number[],
    );
    statement(db, 'DELETE FROM triggers WHERE plan_id IS CAST(? AS INTEGER)').run(planId);
    if (planId !== null) {
      statement(db, 'DELETE FROM trigger_overrides WHERE plan_id = ?').run(planId);
      if (!override) return;
      statement(db, 'INSERT INTO trigger_overrides (plan_id) VALUES (?)').run(planId);
    }
    const insert = statement(db, 'INSERT INTO triggers (id, plan_id, position, spec) VALUES (?, ?, ?, ?)');
    triggers.forEach(({ id, ...spec }, position) => {
      insert.run(id !== undefined && owned.has(id) ? id : null, planId, position, JSON.stringify(spec));
    });
  })();
}

export function insertTriggerResult(db: Db, r: TriggerResult): void {
  statement(db, 
    `INSERT INTO trigger_results (run, plan_id, trigger_id, name, event, kind, status, detail, fired_at, late_ms, clip, timecode)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.run, r.planId, r.triggerId, r.name, r.event, r.kind, r.status, r.detail, r.firedAt, r.lateMs, r.clip, r.timecode);
}

function rowToResult(row: ResultRow): TriggerResult {
  return {
    triggerId: row.trigger_id,
    name: row.name,
    event: row.event,
    kind: row.kind,
    status: row.status,
    detail: row.detail,
    firedAt: row.fired_at,
    lateMs: row.late_ms,
    run: row.run,
    planId: row.plan_id,
    takeId: row.take_id,
    clip: row.clip,
    timecode: row.timecode,
  };
}

/** Every take's trigger results, in the order they fired, through the run both share. */
export function resultsForTakes(db: Db, takeIds: number[]): Map<number, TriggerResult[]> {
  const byTake = new Map<number, TriggerResult[]>();
  if (takeIds.length === 0) return byTake;
  const rows = statement(db, 
      `SELECT r.*, t.id AS take_id FROM takes t JOIN trigger_results r ON r.run = t.run
       WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.id, r.fired_at, r.id`,
    )
    .all(JSON.stringify(takeIds)) as ResultRow[];
  for (const row of rows) {
    const list = byTake.get(row.take_id!) ?? [];
    list.push(rowToResult(row));
    byTake.set(row.take_id!, list);
  }
  return byTake;
}

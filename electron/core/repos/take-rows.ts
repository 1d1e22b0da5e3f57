import type { Db } from '../db/open';
import type { TakeRow } from '../../../shared/contract/takes';
import type { TakeRecord } from './takes';
import { marksFor, rowToTake, SELECT_TAKES } from './takes';
import { statement } from '../db/statements';

/** Full rows for the given take ids, in that order: names, marks, and how many takes each performance had. */
export function takeRowsByIds(db: Db, takeIds: number[]): TakeRow[] {
  if (takeIds.length === 0) return [];
  const list = JSON.stringify(takeIds);
  const records = statement(db, `${SELECT_TAKES} WHERE t.id IN (SELECT value FROM json_each(@list))`).all({ list }) as TakeRecord[];
  const marks = marksFor(db, takeIds);
  const plans = JSON.stringify([...new Set(records.map((r) => r.plan_id))]);
  const attempts = new Map(
    (
      statement(db, 'SELECT plan_id, count(number) FROM takes WHERE plan_id IN (SELECT value FROM json_each(@plans)) GROUP BY plan_id')
        .raw()
        .all({ plans }) as [number, number][]
    ).map(([plan, n]) => [plan, n]),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  return takeIds.flatMap((id) => {
    const record = byId.get(id);
    return record ? [{ ...rowToTake(record, marks.get(id) ?? []), attempts: attempts.get(record.plan_id) ?? 0 }] : [];
  });
}

import Papa from 'papaparse';
import type { Db } from '../db/open';
import type { FileExport } from '../../../shared/contract/method';
import type { takeExport, TakeRow } from '../../../shared/contract/takes';
import type { z } from 'zod';
import { formatTakeTime, takeSeconds } from '../../../shared/countdown';
import { takeRowsByIds } from '../repos/take-rows';
import { resultsForTakes } from '../repos/triggers';
import { readinessForTakes } from '../repos/readiness';
import type { ReadinessEntry } from '../../../shared/contract/readiness';
import type { TriggerResult } from '../../../shared/contract/triggers';
import { ReviewIndex } from '../review/review-index';
import { checkFilter } from './take-review';

type ExportInput = z.output<typeof takeExport>;

/** Excel reads a CSV as UTF-8 (and so shows Hangul) only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** "UTC+09:00": written into the CSV's time headers so nobody guesses the zone. */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A spreadsheet-friendly wall-clock time ("2026-11-26 18:00:05") at the crew's offset. */
export function wallClock(ms: number | null, offsetMinutes: number): string {
  return ms === null ? '' : new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

const lengthOf = (t: TakeRow) => (t.endedAt === null ? null : t.endedAt - t.goAt);

/** "Deck A rec: acknowledged, clip AKMU_LOVE_LEE_T1 at 10:00:00:00": what each trigger did, for the sheet. */
function triggersCell(results: TriggerResult[]): string {
  return results
    .map((r) => {
      const clip = r.clip ? `, clip ${r.clip}${r.timecode ? ` at ${r.timecode}` : ''}` : '';
      return `${r.name} (${r.event}): ${r.status}${r.status === 'failed' ? ` (${r.detail})` : ''}${clip}`;
    })
    .join('; ');
}

/** "09:01:20 hold: Sound; 09:01:40 release": who was ready when, and every hold, for the sheet. */
function readinessCell(entries: ReadinessEntry[], offset: number): string {
  return entries.map((e) => `${wallClock(e.at, offset).slice(11)} ${e.kind}${e.departments ? `: ${e.departments}` : ''}`).join('; ');
}

function csvOf(rows: TakeRow[], offset: number, triggers: Map<number, TriggerResult[]>, readiness: Map<number, ReadinessEntry[]>): string {
  const zone = offsetLabel(offset);
  const fields = [
    'take_id', 'performance_id', 'artist', 'song', 'venue', 'take', 'takes_for_performance', 'rehearsal',
    `countdown_started (${zone})`, `go (${zone})`, `ended (${zone})`, 'length', 'length_s',
    'outcome', 'failure_reason', 'note', 'marks', 'logged_by', 'recovered', 'triggers', 'readiness',
  ];
  const data = rows.map((t) => {
    const length = lengthOf(t);
    return [
      t.id, t.planId, t.artist, t.song, t.venue, t.number ?? '', t.attempts, t.rehearsal ? 'yes' : 'no',
      wallClock(t.countdownStartedAt, offset), wallClock(t.goAt, offset), wallClock(t.endedAt, offset),
      length === null ? '' : formatTakeTime(length), length === null ? '' : takeSeconds(length),
      t.outcome, t.failureReason ?? '', t.note,
      t.marks.map((m) => `${formatTakeTime(m.atMs)} ${m.note}`).join('; '),
      t.loggedBy, t.recovered ? 'yes' : 'no', triggersCell(triggers.get(t.id) ?? []), readinessCell(readiness.get(t.id) ?? [], offset),
    ];
  });
  // escapeFormulae: a note starting with "=" or "+" must not run as a formula in a spreadsheet.
  return `${BOM}${Papa.unparse({ fields, data }, { escapeFormulae: true })}\r\n`;
}

/** Every take the filters match (not only the loaded page), in the table's order. */
export function exportTakes(db: Db, input: ExportInput, now: number): FileExport {
  const { rows, triggers, readiness } = db.transaction(() => {
    checkFilter(db, input);
    const { ids } = ReviewIndex.of(db).page(input, input.sort, input.direction, 0, Number.MAX_SAFE_INTEGER);
    return { rows: takeRowsByIds(db, ids), triggers: resultsForTakes(db, ids), readiness: readinessForTakes(db, ids) };
  })();
  const day = wallClock(now, input.utcOffsetMinutes).slice(0, 10);
  if (input.format === 'json') {
    const { format: _format, utcOffsetMinutes: _offset, ...filter } = input;
    const takes = rows.map((t) => ({ ...t, triggers: triggers.get(t.id) ?? [], readiness: readiness.get(t.id) ?? [] }));
    const content = JSON.stringify({ exportedAt: new Date(now).toISOString(), filter, count: rows.length, takes }, null, 2);
    return { filename: `cuelight-takes-${day}.json`, mime: 'application/json', content: `${content}\n` };
  }
  return { filename: `cuelight-takes-${day}.csv`, mime: 'text/csv;charset=utf-8', content: csvOf(rows, input.utcOffsetMinutes, triggers, readiness) };
}

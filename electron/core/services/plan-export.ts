import Papa from 'papaparse';
import type { Db } from '../db/open';
import type { FileExport } from '../../../shared/contract/method';
import type { PlanCsvColumn, PortablePlan } from '../../../shared/contract/plans';
import { PLAN_CSV_COLUMNS } from '../../../shared/contract/plans';
import { listPlans } from '../repos/plans';
import { formatDuration } from '../../../shared/duration';
import { joinNames, toPortable } from './plan-portable';

/** Excel reads a CSV as UTF-8 (and so shows Hangul) only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

export function toCsvRow(p: PortablePlan): Record<PlanCsvColumn, string> {
  const alts = (people: PortablePlan['dancers']) => (people.some((m) => m.nameAlt !== '') ? joinNames(people.map((m) => m.nameAlt)) : '');
  return {
    artist: p.artist.name,
    artistAlt: p.artist.nameAlt,
    song: p.song,
    songLength: p.songLengthMs === null ? '' : formatDuration(p.songLengthMs),
    venue: p.venue?.name ?? '',
    venueAlt: p.venue?.nameAlt ?? '',
    venueAddress: p.venue?.address ?? '',
    venueArea: p.venue?.area ?? '',
    venueNotes: p.venue?.notes ?? '',
    shootDate: p.shootDate ?? '',
    callTime: p.callTime ?? '',
    countdown: formatDuration(p.countdownMs),
    warning: formatDuration(p.warningMs),
    danger: formatDuration(p.dangerMs),
    dancers: joinNames(p.dancers.map((m) => m.name)),
    dancersAlt: alts(p.dancers),
    guests: joinNames(p.guests.map((m) => m.name)),
    guestsAlt: alts(p.guests),
    notes: p.notes,
    status: p.status,
    runOrder: String(p.runOrder),
  };
}

/** Plans converted between two progress reports. */
const EXPORT_PROGRESS_EVERY = 5_000;

/** The plans in run order (archived ones stay out), as CSV or JSON, optionally one shoot day. */
export function exportPlans(db: Db, input: { format: 'csv' | 'json'; shootDate?: string | undefined }, progress?: (done: number, total: number) => void): FileExport {
  const chosen = listPlans(db).filter((p) => input.shootDate === undefined || p.shootDate === input.shootDate);
  const plans = chosen.map((plan, i) => {
    if ((i + 1) % EXPORT_PROGRESS_EVERY === 0) progress?.(i + 1, chosen.length);
    return toPortable(plan);
  });
  const base = `cuelight-plans${input.shootDate ? `-${input.shootDate}` : ''}`;
  if (input.format === 'json') {
    return { filename: `${base}.json`, mime: 'application/json', content: `${JSON.stringify(plans, null, 2)}\n` };
  }
  const content = Papa.unparse({ fields: [...PLAN_CSV_COLUMNS], data: plans.map(toCsvRow).map((row) => PLAN_CSV_COLUMNS.map((c) => row[c])) });
  return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: `${BOM}${content}\r\n` };
}

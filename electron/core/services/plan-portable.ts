import type { Plan } from '../../../shared/schemas';
import type { PortablePlan } from '../../../shared/contract/plans';

/** A plan as a file carries it: names, not ids, so it means the same in another database. */
export function toPortable(plan: Plan): PortablePlan {
  const named = (m: { name: string; nameAlt: string }) => ({ name: m.name, nameAlt: m.nameAlt });
  return {
    artist: named(plan.artist),
    song: plan.song,
    songLengthMs: plan.songLengthMs,
    venue: plan.venue && { name: plan.venue.name, nameAlt: plan.venue.nameAlt, address: plan.venue.address, area: plan.venue.area, notes: plan.venue.notes },
    shootDate: plan.shootDate,
    callTime: plan.callTime,
    countdownMs: plan.countdownMs,
    warningMs: plan.warningMs,
    dangerMs: plan.dangerMs,
    dancers: plan.dancers.map(named),
    guests: plan.guests.map(named),
    notes: plan.notes,
    status: plan.status,
    runOrder: plan.runOrder,
  };
}

/** Names in one cell, ' | '-separated; a '|' or '\' inside a name is escaped with '\'. */
export function joinNames(names: string[]): string {
  return names.map((n) => n.replace(/[\\|]/g, (c) => `\\${c}`)).join(' | ');
}

export function splitNames(cell: string): string[] {
  if (cell.trim() === '') return [];
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === '|') {
      names.push(current.trim());
      current = '';
    } else current += c;
  }
  names.push(current.trim());
  return names;
}

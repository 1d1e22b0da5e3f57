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

/** m:ss as producers write it; a fraction of a second is kept (1:30.5) so nothing rounds away. */
export function formatDuration(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const fraction = ms % 1000;
  const text = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  return fraction === 0 ? text : `${text}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}

/** Reads m:ss (or h:mm:ss, or plain seconds) into ms; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(?:(?:(\d{1,2}):)?(\d{1,3}):)?(\d{1,5})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3])];
  if ((m[2] !== undefined && seconds > 59) || (m[1] !== undefined && minutes > 59)) return null;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
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

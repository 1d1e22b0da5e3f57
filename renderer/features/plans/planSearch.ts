import type { Plan } from '../../../shared/schemas';
import { nameKey } from '../../../shared/text';

/** NFC, Latin lower-cased, and without the spaces and hyphens people type or leave out ("minji" finds "Min-ji"). */
function searchKey(text: string): string {
  return nameKey(text).replace(/[\s\-‐·.]/g, '');
}

/** Everything a producer might look a plan up by, in both scripts: people, the venue and where it is. */
function haystack(plan: Plan): string[] {
  const people = [plan.artist, ...plan.dancers, ...plan.guests].flatMap((m) => [m.name, m.nameAlt]);
  const venue = plan.venue ? [plan.venue.name, plan.venue.nameAlt, plan.venue.area, plan.venue.address] : [];
  return [plan.song, ...venue, ...people].filter(Boolean).map(searchKey);
}

/** Every word of the query must appear somewhere in the plan, in either script. */
export function planMatches(plan: Plan, query: string): boolean {
  const words = query.normalize('NFC').split(/\s+/).map(searchKey).filter(Boolean);
  if (words.length === 0) return true;
  const fields = haystack(plan);
  return words.every((word) => fields.some((field) => field.includes(word)));
}

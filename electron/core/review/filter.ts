import type { ParsedReviewFilter } from '../../../shared/contract/takes';
import { OUTCOMES } from '../../../shared/schemas';
import { searchKey } from '../../../shared/text';
import type { TakeColumns } from './columns';

/** The rows a filter keeps (1 in the mask) and how many there are. */
export interface Matches {
  mask: Uint8Array;
  count: number;
}

/** Plans whose song or artist's names contain the text (1 at the plan's id): every take of theirs matches. */
function plansNamed(c: TakeColumns, text: string): Uint8Array {
  const artists = new Set<number>();
  for (const [id, p] of c.people) if (p.nameKey.includes(text) || p.altKey.includes(text)) artists.add(id);
  let last = 0;
  for (const id of c.plans.keys()) last = Math.max(last, id);
  const plans = new Uint8Array(last + 1);
  for (const [id, p] of c.plans) if (artists.has(p.artist) || p.songKey.includes(text)) plans[id] = 1;
  return plans;
}

/**
 * One pass over the columns. Text is matched as typed (NFC, case-insensitive in every script
 * that has case, % and _ literal) in the take's note, its marks, its song and its artist's names.
 */
export function match(c: TakeColumns, f: ParsedReviewFilter): Matches {
  const mask = new Uint8Array(c.size);
  const rehearsal = f.rehearsal === 'include' ? -1 : f.rehearsal === 'only' ? 1 : 0;
  const outcome = f.outcome === undefined ? -1 : OUTCOMES.indexOf(f.outcome);
  const from = f.fromMs ?? -Infinity;
  const to = f.toMs ?? Infinity;
  const text = f.text ? searchKey(f.text) : '';
  const named = text ? plansNamed(c, text) : undefined;
  const { live, rehearsal: rehearsals, outcome: outcomes, artist, venue, goAt, plan, noteKey, marksKey } = c;
  const artistId = f.artistId ?? -1;
  const venueId = f.venueId ?? -1;
  let count = 0;
  for (let row = 0; row < c.size; row++) {
    if (live[row] === 0) continue;
    if (rehearsal >= 0 && rehearsals[row] !== rehearsal) continue;
    if (outcome >= 0 && outcomes[row] !== outcome) continue;
    if (artistId >= 0 && artist[row] !== artistId) continue;
    if (venueId >= 0 && venue[row] !== venueId) continue;
    const at = goAt[row]!;
    if (at < from || at >= to) continue;
    if (named && named[plan[row]!] !== 1 && !noteKey[row]!.includes(text) && !marksKey[row]!.includes(text)) continue;
    mask[row] = 1;
    count++;
  }
  return { mask, count };
}

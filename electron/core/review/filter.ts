import type { ParsedReviewFilter } from '../../../shared/contract/takes';
import { OUTCOMES } from '../../../shared/schemas';
import { searchKey } from '../../../shared/text';
import type { TakeColumns } from './columns';

/** The rows a filter keeps (1 in the mask) and how many there are. */
export interface Matches {
  mask: Uint8Array;
  count: number;
}

/** Plan ids up to this are looked up in a byte array; larger ones (never made by the app) in a set. */
const DENSE_IDS = 1 << 24;

/** Plans whose song or artist's names contain the text: every take of theirs matches. */
function plansNamed(c: TakeColumns, text: string): (plan: number) => boolean {
  const artists = new Set<number>();
  for (const [id, p] of c.people) if (p.nameKey.includes(text) || p.altKey.includes(text)) artists.add(id);
  const named: number[] = [];
  for (const [id, p] of c.plans) if (artists.has(p.artist) || p.songKey.includes(text)) named.push(id);
  if (named.some((id) => id >= DENSE_IDS)) {
    const set = new Set(named);
    return (plan) => set.has(plan);
  }
  const bytes = new Uint8Array(Math.max(0, ...named) + 1);
  for (const id of named) bytes[id] = 1;
  return (plan) => bytes[plan] === 1;
}

/** A filter with what every row is tested against worked out once. */
interface RowTest {
  rehearsal: number;
  outcome: number;
  from: number;
  to: number;
  text: string;
  named: ((plan: number) => boolean) | undefined;
  artistId: number;
  venueId: number;
}

function rowTest(c: TakeColumns, f: ParsedReviewFilter): RowTest {
  const text = f.text ? searchKey(f.text) : '';
  return {
    rehearsal: f.rehearsal === 'include' ? -1 : f.rehearsal === 'only' ? 1 : 0,
    outcome: f.outcome === undefined ? -1 : OUTCOMES.indexOf(f.outcome),
    from: f.fromMs ?? -Infinity,
    to: f.toMs ?? Infinity,
    text,
    named: text ? plansNamed(c, text) : undefined,
    artistId: f.artistId ?? -1,
    venueId: f.venueId ?? -1,
  };
}

/**
 * One pass over the columns: marks the rows that pass, and counts them. Text is matched as typed
 * (NFC, case-insensitive in every script that has case, % and _ literal) in the take's note, its
 * marks, its song and its artist's names.
 */
export function match(c: TakeColumns, f: ParsedReviewFilter): Matches {
  const { rehearsal, outcome, from, to, text, named, artistId, venueId } = rowTest(c, f);
  const { live, rehearsal: rehearsals, outcome: outcomes, artist, venue, goAt, plan, noteKey, marksKey } = c;
  const mask = new Uint8Array(c.size);
  let count = 0;
  for (let row = 0; row < c.size; row++) {
    if (live[row] === 0) continue;
    if (rehearsal >= 0 && rehearsals[row] !== rehearsal) continue;
    if (outcome >= 0 && outcomes[row] !== outcome) continue;
    if (artistId >= 0 && artist[row] !== artistId) continue;
    if (venueId >= 0 && venue[row] !== venueId) continue;
    const at = goAt[row]!;
    if (at < from || at >= to) continue;
    if (named && !named(plan[row]!) && !noteKey[row]!.includes(text) && !marksKey[row]!.includes(text)) continue;
    mask[row] = 1;
    count++;
  }
  return { mask, count };
}


import type { TakeSort } from '../../../shared/contract/takes';
import { FAILURE_REASONS, OUTCOMES } from '../../../shared/schemas';
import type { TakeColumns } from './columns';
import { NO_VENUE } from './columns';

/** Rank of each code in text order, as the columns' own sort order used to be (alphabetical). */
const alphabetical = (names: readonly string[]) => {
  const sorted = [...names].sort();
  return Int32Array.from(names, (n) => sorted.indexOf(n));
};
const OUTCOME_RANK = alphabetical(OUTCOMES);
/** 0 (no reason) first, then the reasons alphabetically. */
const REASON_RANK = Int32Array.from([0, ...Array.from(alphabetical(FAILURE_REASONS), (r) => r + 1)]);

/** Dense ranks of names (equal names, equal rank), so a name sort compares integers. */
function ranks<K>(entries: Iterable<[K, string]>): Map<K, number> {
  const list = [...entries].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const out = new Map<K, number>();
  let rank = 0;
  list.forEach(([key, name], i) => {
    if (i > 0 && name !== list[i - 1]![1]) rank++;
    out.set(key, rank);
  });
  return out;
}

/** The name ranks the artist, song and venue sorts compare by; rebuilt when a name changes. */
export interface NameRanks {
  artist: Map<number, number>;
  song: Map<number, number>;
  venue: Map<number, number>;
}

export function nameRanks(c: TakeColumns): NameRanks {
  return {
    artist: ranks([...c.people].map(([id, p]) => [id, p.nameKey])),
    song: ranks([...c.plans].map(([id, p]) => [id, p.songKey])),
    venue: ranks(c.venues),
  };
}

/** The sorts whose order depends on names rather than on the take alone. */
export const NAME_SORTS: readonly TakeSort[] = ['artist', 'song', 'venue'];

/** A row's sort key: a number, or (for notes) the lower-cased text. Nothing sorts as the lowest. */
export function keyOf(sort: TakeSort, c: TakeColumns, names: NameRanks): (row: number) => number | string {
  switch (sort) {
    case 'goAt':
      return () => 0;
    case 'number':
      return (row) => c.number[row]!;
    case 'artist':
      return (row) => names.artist.get(c.artist[row]!) ?? -1;
    case 'song':
      return (row) => names.song.get(c.plan[row]!) ?? -1;
    case 'venue':
      return (row) => (c.venue[row] === NO_VENUE ? -1 : (names.venue.get(c.venue[row]!) ?? -1));
    case 'outcome':
      // Failed takes group by reason within their outcome.
      return (row) => OUTCOME_RANK[c.outcome[row]!]! * 16 + REASON_RANK[c.reason[row]!]!;
    case 'duration':
      return (row) => (Number.isNaN(c.endedAt[row]) ? -Infinity : c.endedAt[row]! - c.goAt[row]!);
    case 'reason':
      return (row) => REASON_RANK[c.reason[row]!]!;
    case 'note':
      return (row) => c.noteKey[row]!;
  }
}

/**
 * Every row in one sort's ascending order: by the sort's key, then GO time, then take id, a total
 * order, so pages never overlap. Descending reads it backwards (ties break by GO time and id in the
 * same direction, as ORDER BY key DESC, go_at DESC, id DESC does). Built when a sort is first asked
 * for; a changed take then moves to its new place instead of the order being rebuilt.
 */
export class SortOrder {
  private rows: Uint32Array;
  private size: number;
  /** Each row's key, kept beside the order so a comparison is two array reads. */
  private readonly keys: (number | string)[];

  /** `byGoAt`: the rows in GO order, from which a stable sort by key alone gives the full order. */
  constructor(
    private readonly c: TakeColumns,
    private readonly key: (row: number) => number | string,
    byGoAt?: SortOrder,
  ) {
    const keys = (this.keys = Array.from({ length: c.size }, (_, row) => key(row)));
    let rows: number[];
    if (byGoAt) {
      rows = Array.from(byGoAt.rows.subarray(0, byGoAt.size));
      rows.sort(typeof keys[0] === 'string' ? (a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0) : (a, b) => (keys[a] as number) - (keys[b] as number));
    } else {
      rows = Array.from({ length: c.size }, (_, row) => row);
      rows.sort((a, b) => this.compare(a, b));
    }
    this.size = rows.length;
    this.rows = new Uint32Array(Math.max(16, Math.ceil(this.size * 1.25)));
    this.rows.set(rows);
  }

  private compare(a: number, b: number): number {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    return this.c.goAt[a]! - this.c.goAt[b]! || this.c.id[a]! - this.c.id[b]!;
  }

  /** Reads rows in order, ascending or descending, until `visit` returns false. */
  walk(direction: 'asc' | 'desc', visit: (row: number) => boolean): void {
    const rows = this.rows;
    if (direction === 'asc') {
      for (let i = 0; i < this.size; i++) if (!visit(rows[i]!)) return;
    } else {
      for (let i = this.size - 1; i >= 0; i--) if (!visit(rows[i]!)) return;
    }
  }

  /**
   * Puts changed (or new) rows back in their places: a memory move and a binary search each.
   * All are taken out first, so every search runs over rows that are in order.
   */
  update(changed: readonly number[]): void {
    for (const row of changed) this.remove(row);
    for (const row of changed) {
      this.keys[row] = this.key(row);
      this.insert(row);
    }
  }

  private remove(row: number): void {
    const at = this.rows.subarray(0, this.size).indexOf(row);
    if (at < 0) return;
    this.rows.copyWithin(at, at + 1, this.size);
    this.size--;
  }

  private insert(row: number): void {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.rows[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (this.size === this.rows.length) {
      const wider = new Uint32Array(this.rows.length * 2);
      wider.set(this.rows);
      this.rows = wider;
    }
    this.rows.copyWithin(lo + 1, lo, this.size);
    this.rows[lo] = row;
    this.size++;
  }
}

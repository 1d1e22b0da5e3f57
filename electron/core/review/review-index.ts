import type { Db } from '../db/open';
import type { ParsedReviewFilter, TakeSort, TakeSummary } from '../../../shared/contract/takes';
import { TakeColumns } from './columns';
import type { Changes, Noted } from './change-notes';
import { ChangeNotes } from './change-notes';
import type { Matches } from './filter';
import { match } from './filter';
import type { NameRanks } from './order';
import { keyOf, NAME_SORTS, nameRanks, SortOrder } from './order';
import { summarise } from './summary';
import { statement } from '../db/statements';

const indexes = new WeakMap<Db, ReviewIndex>();

/** Past this many changed takes at once, reading everything again is quicker than row by row. */
const RELOAD_OVER = 5_000;
/**
 * Past this many changed rows, each sort's order is rebuilt when next asked for (~50 ms) rather
 * than moved row by row (a search and a memory move per row per order: ~0.15 ms each at 100,000).
 */
const REORDER_OVER = 300;
/** Filters whose matches are kept: scrolling asks for page after page of the same one. */
const MATCHES_KEPT = 8;
/** The fields that decide which takes match (a page request carries its sort and offset too). */
const FILTER_KEYS: (keyof ParsedReviewFilter)[] = ['artistId', 'venueId', 'outcome', 'fromMs', 'toMs', 'rehearsal', 'text'];
const filterKey = (filter: ParsedReviewFilter) => JSON.stringify(filter, FILTER_KEYS);

/** A question for the review, as the host posts it to the review's thread. */
export type ReviewQuestion =
  | { ask: 'warm' }
  | { ask: 'page'; filter: ParsedReviewFilter; sort: TakeSort; direction: 'asc' | 'desc'; offset: number; limit: number }
  | { ask: 'summary'; filter: ParsedReviewFilter };

/** Where an index hears what changed: its connection's own notes, or notes read on another thread and posted here. */
export interface NoteSource {
  read(): Noted;
}

/**
 * The take log as the review reads it: the store's takes held as columns, with each sort's order
 * kept, so a filtered, sorted page or a summary over 100,000 takes is a pass over memory, not a
 * query that reads every row. SQLite stays the record: the columns are read from it when first
 * asked for and follow every change its notes name. Synchronous and long over a big log: the host
 * runs it in the review's thread (review-thread.ts), never on the countdown's loop.
 */
export class ReviewIndex {
  private columns = new TakeColumns();
  private names: NameRanks | null = null;
  private readonly orders = new Map<TakeSort, SortOrder>();
  private readonly matches = new Map<string, Matches>();

  /** A connection's own index, noting what is committed through it (an export's worker reads one at once). */
  static of(db: Db): ReviewIndex {
    let index = indexes.get(db);
    if (!index) indexes.set(db, (index = new ReviewIndex(db, new ChangeNotes(db))));
    return index;
  }

  /** `notes` must be noting before the first read: nothing committed after it may go unseen. */
  constructor(
    private readonly db: Db,
    private readonly notes: NoteSource,
  ) {}

  /** Reads the takes if they are not read yet, with the newest-first order the table opens in. */
  warm(): void {
    this.sync();
    this.order('goAt');
  }

  answer(question: ReviewQuestion): unknown {
    switch (question.ask) {
      case 'warm':
        return this.warm();
      case 'page':
        return this.page(question.filter, question.sort, question.direction, question.offset, question.limit);
      case 'summary':
        return this.summary(question.filter);
    }
  }

  /** Brings the columns up to date with what the store has committed. */
  private sync(): void {
    while (!this.columns.loadSlice(this.db, 50_000));
    const noted = this.notes.read();
    if (noted === 'everything' || noted.takes.size > RELOAD_OVER) {
      this.columns = TakeColumns.load(this.db);
      this.names = null;
      this.orders.clear();
      this.matches.clear();
    } else this.apply(noted);
    this.names ??= nameRanks(this.columns);
  }

  /** Reads the noted rows again and moves them within each kept order. */
  private apply(noted: Changes): void {
    if (noted.takes.size + noted.plans.size + noted.people.size + noted.venues.size === 0) return;
    this.matches.clear();
    const { rows, names } = this.columns.apply(this.db, noted);
    if (names) {
      this.names = null;
      for (const sort of NAME_SORTS) this.orders.delete(sort);
    }
    if (rows.length > REORDER_OVER) this.orders.clear();
    else for (const order of this.orders.values()) order.update(rows);
  }

  private order(sort: TakeSort): SortOrder {
    let order = this.orders.get(sort);
    if (!order) {
      const byGoAt = sort === 'goAt' ? undefined : this.order('goAt');
      order = new SortOrder(this.columns, keyOf(sort, this.columns, this.names!), byGoAt);
      this.orders.set(sort, order);
    }
    return order;
  }

  private matching(filter: ParsedReviewFilter): Matches {
    const key = filterKey(filter);
    const found = this.matches.get(key) ?? match(this.columns, filter);
    this.keep(key, found);
    return found;
  }

  /** Keeps a filter's matches as the most recently used, the least recently used going past MATCHES_KEPT. */
  private keep(key: string, found: Matches): void {
    this.matches.delete(key); // re-inserted below: most recently used last
    if (this.matches.size >= MATCHES_KEPT) this.matches.delete(this.matches.keys().next().value!);
    this.matches.set(key, found);
  }

  /** How many takes match, and the ids of rows [offset, offset + limit) in the sort's order. */
  page(filter: ParsedReviewFilter, sort: TakeSort, direction: 'asc' | 'desc', offset: number, limit: number): { total: number; ids: number[] } {
    this.sync();
    const { mask, count } = this.matching(filter);
    const ids: number[] = [];
    if (offset >= count || limit <= 0) return { total: count, ids };
    let seen = 0;
    const id = this.columns.id;
    this.order(sort).walk(direction, (row) => {
      if (mask[row] === 0) return true;
      if (seen++ >= offset) ids.push(id[row]!);
      return ids.length < limit;
    });
    return { total: count, ids };
  }

  summary(filter: ParsedReviewFilter): TakeSummary {
    this.sync();
    const db = this.db;
    return summarise(this.columns, this.matching(filter), {
      person: (id) => (statement(db, 'SELECT name FROM people WHERE id = ?').pluck().get(id) as string | undefined) ?? '',
      venue: (id) => (statement(db, 'SELECT name FROM venues WHERE id = ?').pluck().get(id) as string | undefined) ?? '',
    });
  }
}

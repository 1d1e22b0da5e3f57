import type { Db } from '../db/open';
import type { ParsedReviewFilter, TakeSort, TakeSummary } from '../../../shared/contract/takes';
import { TakeColumns } from './columns';
import type { Changes } from './change-notes';
import { ChangeNotes } from './change-notes';
import { startWorker } from '../workers/run-worker';
import type { LoadedReview } from '../workers/review-load.worker';
import type { Matches } from './filter';
import { match, matchInSlices } from './filter';
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
/** Rows indexed by id per turn of the loop once the worker's columns are in: ~1 ms each. */
const INDEX_SLICE = 5_000;

/**
 * Reads the store's takes in a worker and takes its columns over: the numbers moved in one
 * message, the text in parts and the id index in slices, each in a turn of the loop of its own.
 */
async function readInWorker(file: string): Promise<{ columns: TakeColumns; review: LoadedReview }> {
  const job = await startWorker<LoadedReview>('review-load', { file });
  try {
    const columns = TakeColumns.fromLoaded(job.answer);
    for (let i = 0; i < job.parts; i++) {
      const [noteKey, marksKey] = (await job.part(i)) as [string[], string[]];
      columns.addText(noteKey, marksKey);
    }
    for (let row = 0; row < columns.size; row += INDEX_SLICE) {
      columns.indexRows(row, row + INDEX_SLICE);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { columns, review: job.answer };
  } finally {
    job.close();
  }
}

/** The fields that decide which takes match (a page request carries its sort and offset too). */
const FILTER_KEYS: (keyof ParsedReviewFilter)[] = ['artistId', 'venueId', 'outcome', 'fromMs', 'toMs', 'rehearsal', 'text'];
const filterKey = (filter: ParsedReviewFilter) => JSON.stringify(filter, FILTER_KEYS);

/**
 * The take log as the review reads it: the store's takes held as columns in the main process, with
 * each sort's order kept, so a filtered, sorted page or a summary over 100,000 takes is a pass
 * over memory, not a query that reads every row. SQLite stays the record: this is rebuilt from it
 * after start (see warm) and follows every change the connection commits (see ChangeNotes).
 */
export class ReviewIndex {
  private columns = new TakeColumns();
  private names: NameRanks | null = null;
  private readonly notes: ChangeNotes;
  private readonly orders = new Map<TakeSort, SortOrder>();
  private readonly matches = new Map<string, Matches>();
  private warming: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  /**
   * The preparation under way (see prepare): they take turns, since each works a slice every turn
   * of the loop, and the read queue moves on to the next read once one gives its turn back.
   */
  private preparing: Promise<void> = Promise.resolve();
  /** Moves whenever the columns, the name ranks or the kept orders change: a build begun before is stale. */
  private generation = 0;

  /** The connection's index; the takes are read when first asked for, or by warm. */
  static of(db: Db): ReviewIndex {
    let index = indexes.get(db);
    if (!index) indexes.set(db, (index = new ReviewIndex(db)));
    return index;
  }

  private constructor(private readonly db: Db) {
    this.notes = new ChangeNotes(db); // before the first read: nothing committed after it goes unseen
  }

  /**
   * Reads the takes ahead (in a worker, see ready), so the first look at the log after start finds
   * them in memory, with the newest-first order the table opens in built too.
   */
  warm(): Promise<void> {
    this.warming ??= (async () => {
      await this.ready();
      if (!this.db.open) return;
      this.sync();
      this.order('goAt');
    })();
    return this.warming;
  }

  /**
   * Brings the columns up to date, reading the whole log in a worker thread when it must be read
   * whole (at start, or after another connection committed): that grows with the takes and would
   * otherwise stall the countdown's loop. Call before page or summary; those then find little to do.
   */
  ready(): Promise<void> {
    this.catchingUp ??= this.catchUp().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async catchUp(): Promise<void> {
    // A store in memory has no file a worker could open: sync() reads it at once.
    if (this.db.memory) return;
    // Other connections committing all the while could keep asking for a reload: after a few, sync() does it.
    for (let attempt = 0; attempt < 3 && this.db.open; attempt++) {
      if (this.columns.loaded) {
        const noted = this.notes.read();
        if (noted !== 'everything' && noted.takes.size <= RELOAD_OVER) return this.apply(noted);
      } else {
        // Covered by the worker's read, which starts after this: every later commit here is noted again.
        this.notes.read();
      }
      let loaded: { columns: TakeColumns; review: LoadedReview };
      try {
        loaded = await readInWorker(this.db.name);
      } catch (error) {
        console.error(`Reading the take log in a worker failed, so it is read on the main thread: ${(error as Error).message}`);
        return;
      }
      if (!this.db.open) return;
      this.columns = loaded.columns;
      this.names = loaded.review.names;
      this.generation++;
      this.orders.clear();
      this.orders.set('goAt', new SortOrder(this.columns, () => 0, undefined, loaded.review.byGoAt));
      this.matches.clear();
    }
  }

  /** Brings the columns up to date with what the store has committed. */
  private sync(): void {
    while (!this.columns.loadSlice(this.db, 50_000));
    const noted = this.notes.read();
    if (noted === 'everything' || noted.takes.size > RELOAD_OVER) {
      this.columns = TakeColumns.load(this.db);
      this.names = null;
      this.generation++;
      this.orders.clear();
      this.matches.clear();
    } else this.apply(noted);
    this.names ??= nameRanks(this.columns);
  }

  /** Reads the noted rows again and moves them within each kept order. */
  private apply(noted: Changes): void {
    if (noted.takes.size + noted.plans.size + noted.people.size + noted.venues.size === 0) return;
    this.matches.clear();
    this.generation++;
    const { rows, names } = this.columns.apply(this.db, noted);
    if (names) {
      this.names = null;
      for (const sort of NAME_SORTS) this.orders.delete(sort);
    }
    if (rows.length > REORDER_OVER) this.orders.clear();
    else for (const order of this.orders.values()) order.update(rows);
  }

  /**
   * Builds the sort's order ahead of a page, if it is not kept yet, a slice at a time with the loop
   * let go between slices: the first look at a sort (or the first after a rename or a big change)
   * sorted every take at once on the loop, 50–130 ms at 100,000. A page asked for right after finds
   * it built; if the takes changed while it was being built, it starts over (four steps at most,
   * then the page builds it at once, as before). The filter's matches come first, the same way: a
   * new text search read every note and mark at once (~25 ms at 100,000). Call after ready().
   */
  prepare(filter: ParsedReviewFilter, sort?: TakeSort): Promise<void> {
    const turn = this.preparing.then(() => this.prepareNow(filter, sort));
    this.preparing = turn.catch(() => {});
    return turn;
  }

  private async prepareNow(filter: ParsedReviewFilter, sort?: TakeSort): Promise<void> {
    for (let attempt = 0; attempt < 4 && this.db.open; attempt++) {
      this.sync();
      if (!this.matches.has(filterKey(filter))) await this.matchInSlices(filter);
      else if (sort !== undefined && !this.orders.has(sort)) await this.buildInSlices(sort);
      else return;
    }
  }

  /** A filter's matches, found a slice at a time (a new text search read every note and mark at once). */
  private async matchInSlices(filter: ParsedReviewFilter): Promise<void> {
    const stillWanted = this.unchangedSinceNow();
    const found = await matchInSlices(this.columns, filter, { stillWanted });
    if (found && stillWanted()) this.keep(filterKey(filter), found);
  }

  private async buildInSlices(sort: TakeSort): Promise<void> {
    const stillWanted = this.unchangedSinceNow();
    const columns = this.columns;
    const order = await SortOrder.inSlices(columns, keyOf(sort, columns, this.names!), { stillWanted });
    if (order && stillWanted()) this.orders.set(sort, order);
  }

  /** True while the store is open and nothing a build reads has changed since this call. */
  private unchangedSinceNow(): () => boolean {
    const generation = this.generation;
    return () => this.db.open && this.generation === generation;
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

import { create } from 'zustand';
import type { ReviewFilter, TakeRow, TakeSort, TakeSummary } from '../../../shared/contract/takes';
import type { Outcome } from '../../../shared/schemas';
import { api } from '../../api/client';
import { showToast } from '../../stores/ui';
import { dayRange } from './format';

/** Rows per request while scrolling: large enough to stay ahead of a fling, small enough to answer fast. */
export const PAGE = 200;
/** Pages kept in memory; ones far from the view are dropped (the server has them all). */
const KEEP_PAGES = 24;

/** The filters as the controls hold them: dates are yyyy-mm-dd, empty means "any". */
export interface FilterControls {
  artistId: number | null;
  venueId: number | null;
  outcome: Outcome | '';
  from: string;
  to: string;
  rehearsal: 'exclude' | 'include' | 'only';
  text: string;
}

export const NO_FILTERS: FilterControls = { artistId: null, venueId: null, outcome: '', from: '', to: '', rehearsal: 'exclude', text: '' };

interface ReviewState {
  controls: FilterControls;
  sort: TakeSort;
  direction: 'asc' | 'desc';
  /** Bumped whenever the query or the data changes; answers for an older one are dropped. */
  generation: number;
  total: number | null;
  pages: Record<number, TakeRow[]>;
  /** The previous query's pages, shown until their replacements arrive (no flash on a data refresh). */
  stale: Record<number, TakeRow[]>;
  summary: TakeSummary | null;
  /** The take open in the detail view, with its performance's take count from the row it was opened from. */
  selected: { id: number; attempts: number } | null;
  reportOpen: boolean;
}

export const useReview = create<ReviewState>(() => ({
  controls: NO_FILTERS,
  sort: 'goAt',
  direction: 'desc',
  generation: 0,
  total: null,
  pages: {},
  stale: {},
  summary: null,
  selected: null,
  reportOpen: false,
}));

export const useControls = () => useReview((s) => s.controls);
export const useTotal = () => useReview((s) => s.total);
export const useSummary = () => useReview((s) => s.summary);
export const useSelected = () => useReview((s) => s.selected);

/** The contract's filter for the current controls. */
export function reviewFilter(c: FilterControls = useReview.getState().controls): ReviewFilter {
  return {
    ...(c.artistId !== null ? { artistId: c.artistId } : {}),
    ...(c.venueId !== null ? { venueId: c.venueId } : {}),
    ...(c.outcome ? { outcome: c.outcome } : {}),
    ...dayRange(c.from, c.to),
    rehearsal: c.rehearsal,
    ...(c.text.trim() ? { text: c.text.trim() } : {}),
  };
}

/** The row at `index`, if its page is loaded (or still shown from before a refresh). */
export function rowAt(s: Pick<ReviewState, 'pages' | 'stale'>, index: number): TakeRow | undefined {
  const page = Math.floor(index / PAGE);
  return (s.pages[page] ?? s.stale[page])?.[index % PAGE];
}

const inFlight = new Set<string>();
let lastRange = { first: 0, last: PAGE - 1 };

/** Loads the pages covering rows first..last that are not loaded yet. */
export function ensureRows(first: number, last: number): void {
  lastRange = { first, last };
  const { generation, pages, total, sort, direction } = useReview.getState();
  const lastPage = Math.floor(Math.max(0, Math.min(last, (total ?? PAGE) - 1)) / PAGE);
  for (let page = Math.floor(Math.max(0, first) / PAGE); page <= lastPage; page++) {
    const key = `${generation}:${page}`;
    if (pages[page] || inFlight.has(key)) continue;
    inFlight.add(key);
    api
      .queryTakes({ ...reviewFilter(), sort, direction, offset: page * PAGE, limit: PAGE })
      .then(
        (result) => {
          if (useReview.getState().generation !== generation) return;
          useReview.setState((s) => ({ total: result.total, pages: keepNear({ ...s.pages, [page]: result.rows }, page) }));
        },
        (error: unknown) => showToast('error', (error as Error).message),
      )
      .finally(() => inFlight.delete(key));
  }
}

function keepNear(pages: Record<number, TakeRow[]>, around: number): Record<number, TakeRow[]> {
  const loaded = Object.keys(pages).map(Number);
  if (loaded.length <= KEEP_PAGES) return pages;
  const keep = loaded.sort((a, b) => Math.abs(a - around) - Math.abs(b - around)).slice(0, KEEP_PAGES);
  return Object.fromEntries(keep.map((p) => [p, pages[p]!]));
}

/** Starts over for a new query: the table goes back to the top. */
function requery(change: Partial<ReviewState>): void {
  useReview.setState((s) => ({ ...change, generation: s.generation + 1, total: null, pages: {}, stale: {} }));
  lastRange = { first: 0, last: PAGE - 1 };
  ensureRows(0, PAGE - 1);
  void loadSummary();
}

/** The same query again after the data changed: rows stay on screen until fresh ones replace them. */
export function refreshReview(): void {
  useReview.setState((s) => ({ generation: s.generation + 1, stale: keepNear({ ...s.stale, ...s.pages }, Math.floor(lastRange.first / PAGE)), pages: {} }));
  ensureRows(lastRange.first, lastRange.last);
  void loadSummary();
}

export function setControls(change: Partial<FilterControls>): void {
  requery({ controls: { ...useReview.getState().controls, ...change } });
}

/** A header click: a new column starts in its natural direction, the same column flips. */
export function sortBy(sort: TakeSort): void {
  const s = useReview.getState();
  const natural = sort === 'goAt' || sort === 'duration' || sort === 'number' ? 'desc' : 'asc';
  requery({ sort, direction: s.sort === sort ? (s.direction === 'asc' ? 'desc' : 'asc') : natural });
}

export async function loadSummary(): Promise<void> {
  const { generation } = useReview.getState();
  try {
    const summary = await api.takeSummary(reviewFilter());
    if (useReview.getState().generation === generation) useReview.setState({ summary });
  } catch (error) {
    showToast('error', (error as Error).message);
  }
}

export const openTake = (id: number, attempts: number) => useReview.setState({ selected: { id, attempts } });
export const closeTake = () => useReview.setState({ selected: null });
export const setReportOpen = (reportOpen: boolean) => useReview.setState({ reportOpen });

/** Starts the review on first show; later shows keep the person's place and catch up on changes. */
export function startReview(): void {
  if (useReview.getState().generation === 0) requery({});
  else refreshReview();
}

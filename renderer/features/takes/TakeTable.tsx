import { useEffect, useRef, useState } from 'react';
import type { TakeRow, TakeSort } from '../../../shared/contract/takes';
import type { MessageKey } from '../../../shared/i18n/index';
import { useT } from '../../stores/ui';
import { ensureRows, openTake, rowAt, sortBy, useReview } from './reviewStore';
import { formatLength, formatMinute } from './format';

/** Every row is this tall (cells are one line, ellipsised), so row n sits at n × ROW_HEIGHT. */
const ROW_HEIGHT = 36;
/** Rows rendered beyond the visible ones on each side, so a fast scroll shows rows, not gaps. */
const OVERSCAN = 12;

const COLUMNS: { sort: TakeSort; label: MessageKey; width: string }[] = [
  { sort: 'number', label: 'takes.col.take', width: '13rem' },
  { sort: 'artist', label: 'takes.col.artist', width: '10rem' },
  { sort: 'song', label: 'takes.col.song', width: '13rem' },
  { sort: 'venue', label: 'takes.col.venue', width: '11rem' },
  { sort: 'goAt', label: 'takes.col.go', width: '9.5rem' },
  { sort: 'duration', label: 'takes.col.duration', width: '5.5rem' },
  { sort: 'outcome', label: 'takes.col.outcome', width: '7.5rem' },
  { sort: 'reason', label: 'takes.col.reason', width: '7.5rem' },
  { sort: 'note', label: 'takes.col.note', width: 'auto' },
];

/** Which rows the scroll position shows, updated at most once a frame. */
function useVisibleRows(count: number, scroller: React.RefObject<HTMLDivElement | null>): { first: number; last: number } {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    update();
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller]);
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  return { first, last };
}

export function takeLabel(t: ReturnType<typeof useT>, row: Pick<TakeRow, 'rehearsal' | 'number' | 'attempts'>): string {
  if (row.rehearsal || row.number === null) return t('takes.rehearsal');
  return row.attempts > 1 ? t('takes.numberOf', { number: row.number, count: row.attempts }) : t('takes.number', { number: row.number });
}

function Row({ row, index }: { row: TakeRow | undefined; index: number }) {
  const t = useT();
  if (!row) {
    return (
      <tr className="take-row take-row--loading" aria-rowindex={index + 2}>
        <td colSpan={COLUMNS.length}>{t('takes.loading')}</td>
      </tr>
    );
  }
  const needed = !row.rehearsal && row.attempts > 1 && row.number === row.attempts;
  const label = takeLabel(t, row);
  return (
    <tr className="take-row" aria-rowindex={index + 2} onClick={() => openTake(row.id, row.attempts)}>
      <td>
        <button type="button" className="link" aria-label={t('takes.open', { label: `${label} — ${row.artist}` })} onClick={(e) => {
          e.stopPropagation();
          openTake(row.id, row.attempts);
        }}>
          {label}
        </button>
        {needed && <span className="badge">{t('takes.moreThanOne', { count: row.attempts })}</span>}
      </td>
      <td title={row.artist}>{row.artist}</td>
      <td title={row.song}>{row.song}</td>
      <td title={row.venue}>{row.venue}</td>
      <td className="mono">
        {formatMinute(row.goAt)}
        {row.recovered && <span className="badge">{t('takes.recovered')}</span>}
      </td>
      <td className="mono">{formatLength(row.endedAt === null ? null : row.endedAt - row.goAt)}</td>
      <td>
        <span className={`outcome outcome--${row.outcome}`}>{t(`outcome.${row.outcome}`)}</span>
      </td>
      <td>{row.failureReason ? t(`reason.${row.failureReason}`) : ''}</td>
      <td className="take-note">
        {row.note}
        {row.marks.map((m) => (
          <span key={m.id} className="mark-chip">
            <span className="mono">{formatLength(m.atMs)}</span> {m.note}
          </span>
        ))}
      </td>
    </tr>
  );
}

/** The review table: only the visible rows (plus overscan) exist; spacer rows give the scrollbar its full height. */
export function TakeTable() {
  const t = useT();
  const total = useReview((s) => s.total);
  const sort = useReview((s) => s.sort);
  const direction = useReview((s) => s.direction);
  const generation = useReview((s) => s.generation);
  const pages = useReview((s) => s.pages);
  const stale = useReview((s) => s.stale);
  const scroller = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const { first, last } = useVisibleRows(count, scroller);

  useEffect(() => {
    if (total === null && scroller.current) scroller.current.scrollTop = 0; // a new query starts at the top
  }, [total]);
  useEffect(() => {
    if (total !== null && last >= first) ensureRows(first, last);
  }, [first, last, total, generation]);

  const rows: React.JSX.Element[] = [];
  for (let i = first; i <= last; i++) rows.push(<Row key={i} index={i} row={rowAt({ pages, stale }, i)} />);
  const after = Math.max(0, count - 1 - last);

  return (
    <div className="take-scroll" ref={scroller}>
      <table className="take-table take-table--virtual" aria-label={t('takes.table')} aria-rowcount={count + 1}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.sort} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const active = c.sort === sort;
              return (
                <th key={c.sort} scope="col" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" title={t('takes.sortBy', { column: t(c.label) })} onClick={() => sortBy(c.sort)}>
                    {t(c.label)}
                    <span aria-hidden="true" className="sort-arrow">{active ? (direction === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {rows}
          {after > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: after * ROW_HEIGHT }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
      {total === 0 && <p className="empty">{t('takes.empty')}</p>}
      {total === null && <p className="empty">{t('takes.loading')}</p>}
    </div>
  );
}

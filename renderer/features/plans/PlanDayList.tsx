import { useEffect, useRef, useState } from 'react';
import type { PlanEntry } from '../../../shared/contract/plans';
import { useT } from '../../stores/ui';
import { PlanCard, type CardReorder } from './PlanCard';
import { orderDayByCallTime, reorderDay } from './planActions';
import { byCallTime, mergeVisible, moveBy, moveTo } from './reorder';
import { showCallSheet } from './plansUi';

/** "Thursday, 26 November 2026" / "2026년 11월 26일 목요일": a shoot day as people say it. */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/**
 * One shoot day in run order. Plans move by drag and drop, by Alt+Up/Down on a handle, or by the
 * arrow buttons; a filtered day moves only what it shows, and the rest keep their places.
 */
export function PlanDayList(props: { day: string; dayPlans: PlanEntry[]; visible: PlanEntry[]; language: string; canReorder: boolean; helpId: string }) {
  const t = useT();
  const { day, dayPlans, visible } = props;
  const [dragId, setDragId] = useState<number | null>(null);
  const [overId, setOverId] = useState<number | null>(null);
  const refocus = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const label = day ? formatDay(day, props.language) : t('plans.unscheduled');
  const visibleIds = visible.map((p) => p.id);
  const callTimeOrder = byCallTime(dayPlans);

  // A moved card is re-inserted in the DOM, which drops focus: give it back to the same handle.
  useEffect(() => {
    if (refocus.current === null) return;
    list.current?.querySelector<HTMLElement>(`[data-handle="${refocus.current}"]`)?.focus();
    refocus.current = null;
  });

  const commit = (plan: PlanEntry, newVisible: number[] | null) => {
    if (!newVisible) return;
    refocus.current = plan.id;
    void reorderDay(mergeVisible(dayPlans.map((p) => p.id), visibleIds, newVisible), plan);
  };

  const reorderFor = (plan: PlanEntry, index: number): CardReorder | null =>
    props.canReorder
      ? {
          position: index + 1,
          count: visible.length,
          helpId: props.helpId,
          dragging: dragId === plan.id,
          over: overId === plan.id && dragId !== plan.id,
          move: (step) => commit(plan, moveBy(visibleIds, plan.id, step)),
          drag: {
            onDragStart: (e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', planLabel(plan));
              setDragId(plan.id);
            },
            onDragEnd: () => {
              setDragId(null);
              setOverId(null);
            },
            onDragOver: (e) => {
              if (dragId === null) return; // a drag from another day, or not a plan at all
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (overId !== plan.id) setOverId(plan.id);
            },
            onDrop: (e) => {
              e.preventDefault();
              const dragged = dayPlans.find((p) => p.id === dragId);
              setDragId(null);
              setOverId(null);
              if (dragged && dragged.id !== plan.id) commit(dragged, moveTo(visibleIds, dragged.id, index));
            },
          },
        }
      : null;

  return (
    <section aria-label={label} className="plan-day">
      <div className="day-heading-row">
        <h2 className="day-heading">
          {label} <span className="day-count">{t('plans.dayPlans', { count: dayPlans.length })}</span>
        </h2>
        <button type="button" onClick={() => showCallSheet(day)} aria-label={t('plans.callSheet', { day: label })}>
          {t('plans.sheet.title')}
        </button>
        {props.canReorder && (
          <button
            type="button"
            aria-label={t('plans.orderByCallTimeFor', { day: label })}
            title={callTimeOrder ? undefined : t('plans.inCallTimeOrder')}
            disabled={!callTimeOrder}
            onClick={() => callTimeOrder && void orderDayByCallTime(callTimeOrder, label)}
          >
            {t('plans.orderByCallTime')}
          </button>
        )}
      </div>
      <ol className="plan-list" ref={list} aria-label={`${t('plans.runOrder')}: ${label}`}>
        {visible.map((plan, i) => (
          <PlanCard key={plan.id} plan={plan} position={dayPlans.indexOf(plan) + 1} reorder={reorderFor(plan, i)} />
        ))}
      </ol>
    </section>
  );
}

const planLabel = (plan: PlanEntry) => `${plan.artist.name} — ${plan.song}`;

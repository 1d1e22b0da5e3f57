import type { DragEvent, KeyboardEvent } from 'react';
import type { PlanEntry } from '../../../shared/contract/plans';
import { formatClock } from '../../../shared/countdown';
import { useCanControl } from '../../stores/data';
import { useLanguage, useT } from '../../stores/ui';
import { nameIn } from '../../../shared/script';
import { navigate } from '../../router';
import { selectPlanForConsole } from '../console/consoleStore';
import { duplicate, planName, restore } from './planActions';
import { askToDelete, startEditing } from './plansUi';

/** How a card takes part in reordering its day; absent when the day cannot be reordered. */
export interface CardReorder {
  position: number;
  count: number;
  helpId: string;
  dragging: boolean;
  over: boolean;
  move: (step: -1 | 1) => void;
  drag: {
    onDragStart: (e: DragEvent) => void;
    onDragEnd: () => void;
    onDragOver: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
  };
}

const people = (list: PlanEntry['dancers']) => list.map((m) => m.name).join(', ');

export function PlanCard({ plan, position, reorder }: { plan: PlanEntry; position: number; reorder: CardReorder | null }) {
  const t = useT();
  const language = useLanguage();
  const canControl = useCanControl();
  const name = planName(plan);
  const onHandleKey = (event: KeyboardEvent) => {
    if (!reorder || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    reorder.move(event.key === 'ArrowUp' ? -1 : 1);
  };
  const classes = ['plan-card', plan.archived && 'plan-card--archived', reorder?.dragging && 'plan-card--dragging', reorder?.over && 'plan-card--over'];
  return (
    <li className={classes.filter(Boolean).join(' ')} aria-label={name} draggable={reorder !== null} {...reorder?.drag}>
      {reorder && (
        <div className="plan-grip">
          <button type="button" className="ghost" aria-label={t('plans.moveUp', { name })} disabled={reorder.position === 1} onClick={() => reorder.move(-1)}>
            ↑
          </button>
          <button type="button" className="ghost plan-handle" data-handle={plan.id} aria-label={t('plans.reorder', { name })} aria-describedby={reorder.helpId} onKeyDown={onHandleKey}>
            ⠿
          </button>
          <button type="button" className="ghost" aria-label={t('plans.moveDown', { name })} disabled={reorder.position === reorder.count} onClick={() => reorder.move(1)}>
            ↓
          </button>
        </div>
      )}
      <div className="plan-body">
        <div className="plan-main">
          <span className="plan-order" aria-hidden="true">{position}</span>
          <span className="plan-time">{plan.callTime ?? '—'}</span>
          <span className="plan-artist">
            {plan.artist.name} {plan.artist.nameAlt && <span className="alt">{plan.artist.nameAlt}</span>}
          </span>
          <span className="plan-song">{plan.song}</span>
        </div>
        <div className="plan-meta">
          <span className="plan-venue">{plan.venue ? nameIn(language, plan.venue) : t('common.none')}</span>
          <span>{t('plan.countdown').split(' (')[0]} {formatClock(Math.round(plan.countdownMs / 1000))}</span>
          {plan.dancers.length > 0 && <span>{t('plan.dancers')}: {people(plan.dancers)}</span>}
          {plan.guests.length > 0 && <span>{t('plan.guests')}: {people(plan.guests)}</span>}
          <span className={`status status--${plan.status}`}>{t(`plan.status.${plan.status}`)}</span>
          {plan.archived && <span className="status status--archived">{t('plans.archived')}</span>}
          {plan.takeCount > 0 && <span>{t('plans.takes', { count: plan.takeCount })}</span>}
        </div>
      </div>
      {canControl && (
        <div className="plan-actions">
          {!plan.archived && (
            <button type="button" onClick={() => startEditing(plan.id)} aria-label={`${t('plans.edit')}: ${name}`}>
              {t('plans.edit')}
            </button>
          )}
          <button type="button" onClick={() => void duplicate(plan)} aria-label={`${t('plans.duplicate')}: ${name}`}>
            {t('plans.duplicate')}
          </button>
          {!plan.archived && (
            <button type="button" onClick={() => askToDelete(plan)} aria-label={`${t('plans.delete')}: ${name}`}>
              {t('plans.delete')}
            </button>
          )}
          {plan.archived && (
            <button type="button" onClick={() => void restore(plan)} aria-label={`${t('plans.restore')}: ${name}`}>
              {t('plans.restore')}
            </button>
          )}
          {!plan.archived && (
            <button
              type="button"
              className="primary"
              aria-label={`${t('plans.openInConsole')}: ${name}`}
              onClick={() => {
                selectPlanForConsole(plan.id);
                navigate('console');
              }}
            >
              {t('plans.openInConsole')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlanEntry } from '../../../shared/contract/plans';
import { useCanControl, useData } from '../../stores/data';
import { useLanguage, useT } from '../../stores/ui';
import { RosterPanel } from '../roster/RosterPanel';
import { CallSheet } from './CallSheet';
import { DeleteDialog } from './DeleteDialog';
import { ImportExportTools, ImportReportPanel } from './ImportExport';
import { PlanDayList } from './PlanDayList';
import { PlanForm } from './PlanForm';
import { clearDraft, loadDraft, saveDraft } from './planDraft';
import { planMatches } from './planSearch';
import { setShowArchived, startEditing, toggleRoster, usePlansUi } from './plansUi';
import { useListedPlans } from './useListedPlans';
import { useFitPlaceholder } from './useFitPlaceholder';

/** Plans grouped by shoot day, each day in run order (undated plans last, as listPlans gives them). */
function groupByDay(plans: PlanEntry[]): [string, PlanEntry[]][] {
  const days = new Map<string, PlanEntry[]>();
  for (const p of plans) days.set(p.shootDate ?? '', [...(days.get(p.shootDate ?? '') ?? []), p]);
  return [...days];
}

export function PlansScreen() {
  const t = useT();
  const language = useLanguage();
  const ui = usePlansUi(useShallow((s) => ({ editing: s.editing, sheetDay: s.sheetDay, showArchived: s.showArchived, rosterOpen: s.rosterOpen, announcement: s.announcement })));
  const plans = useListedPlans(ui.showArchived);
  const loaded = useData((s) => s.loaded);
  const canControl = useCanControl();
  const [query, setQuery] = useState('');
  const helpId = useId();
  const searchRef = useFitPlaceholder(t('plans.searchHint'));
  const days = useMemo(() => groupByDay(plans), [plans]);
  const shown = useMemo(() => new Set(plans.filter((p) => planMatches(p, query)).map((p) => p.id)), [plans, query]);
  const { editing } = ui;
  const formPlan = typeof editing === 'number' ? (plans.find((p) => p.id === editing) ?? null) : null;

  // The plan being edited is gone (deleted from another window): what was typed becomes a new plan's draft.
  useEffect(() => {
    if (!loaded || typeof editing !== 'number' || formPlan) return;
    const typed = loadDraft(editing);
    if (typed) saveDraft('new', typed);
    clearDraft(editing);
    startEditing('new');
  }, [loaded, editing, formPlan]);

  if (ui.sheetDay !== null) {
    const day = ui.sheetDay;
    return (
      <main className="screen plans-screen">
        <CallSheet day={day} plans={plans.filter((p) => (p.shootDate ?? '') === day && !p.archived)} />
      </main>
    );
  }

  return (
    <main className="screen plans-screen">
      <header className="screen-header">
        <h1>{t('plans.title')}</h1>
        <input ref={searchRef} type="search" aria-label={t('plans.search')} placeholder={t('plans.searchHint')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={ui.showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('plans.showArchived')}
        </label>
        {canControl && (
          <button type="button" className="primary" onClick={() => startEditing('new')}>
            {t('plans.new')}
          </button>
        )}
        <button type="button" aria-expanded={ui.rosterOpen} onClick={toggleRoster}>
          {t('roster.title')}
        </button>
        <ImportExportTools canControl={canControl} />
      </header>
      <div className="visually-hidden" aria-live="polite">
        {ui.announcement}
      </div>
      {ui.rosterOpen && <RosterPanel />}
      <ImportReportPanel />
      {editing !== null && (editing === 'new' || formPlan) && <PlanForm key={String(editing)} target={editing} plan={formPlan} />}
      {loaded && plans.length === 0 && editing === null && <p className="empty">{t('plans.empty')}</p>}
      {query.trim() !== '' && plans.length > 0 && shown.size === 0 && <p className="empty">{t('plans.noMatches', { query: query.trim() })}</p>}
      {canControl && plans.length > 1 && (
        <p id={helpId} className="hint">
          {t('plans.reorderHelp')}
        </p>
      )}
      {days.map(([day, dayPlans]) => {
        const visible = dayPlans.filter((p) => shown.has(p.id));
        if (visible.length === 0) return null;
        return <PlanDayList key={day} day={day} dayPlans={dayPlans} visible={visible} language={language} canReorder={canControl} helpId={helpId} />;
      })}
      <DeleteDialog />
    </main>
  );
}

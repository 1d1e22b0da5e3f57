import type { PlanEntry } from '../../../shared/contract/plans';
import { asJob } from '../../stores/jobs';
import type { MessageKey, Wording } from '../../../shared/i18n/index';
import { translate } from '../../../shared/i18n/index';
import { api } from '../../api/client';
import { saveFile } from '../../api/print';
import { attempt, refreshData, useData } from '../../stores/data';
import { showToast, useUi } from '../../stores/ui';
import { clearDraft } from './planDraft';
import { announce, askToDelete, setImportReport, stopEditing, usePlansUi, type ImportReport } from './plansUi';

const say = (key: MessageKey, params?: Record<string, string | number>) => translate(useUi.getState().language, key, params);
export const planName = (plan: Pick<PlanEntry, 'artist' | 'song'>) => `${plan.artist.name} — ${plan.song}`;

export async function duplicate(plan: PlanEntry): Promise<void> {
  const copy = await attempt(() => api.duplicatePlan({ id: plan.id }));
  if (copy) showToast('info', { key: 'plans.duplicated', params: { name: planName(copy) } });
}

/** Brings an archived plan back into the list. */
export async function restore(plan: PlanEntry): Promise<void> {
  const back = await attempt(() => api.restorePlan({ id: plan.id }));
  if (back) showToast('info', { key: 'plans.restored', params: { name: planName(back) } });
}

/** Deletes, or archives when the plan has takes; an open edit of it is closed with it. */
export async function confirmDelete(plan: PlanEntry): Promise<void> {
  askToDelete(null);
  const result = await attempt(() => api.deletePlan({ id: plan.id }));
  if (!result) return;
  if (usePlansUi.getState().editing === plan.id) {
    clearDraft(plan.id);
    stopEditing();
  }
  showToast('info', { key: result.deleted ? 'plans.deleted' : 'plans.archivedDone', params: { name: planName(plan) } });
}

/**
 * Saves a day's new run order. The list moves at once (the store is updated before the host
 * answers); a refusal puts it back as the host has it and says why.
 */
export async function reorderDay(newDayIds: number[], moved: PlanEntry): Promise<void> {
  const position = newDayIds.indexOf(moved.id) + 1;
  announce(say('plans.moved', { name: planName(moved), position, count: newDayIds.length }));
  await saveDayOrder(newDayIds);
}

/** Puts a whole day in call-time order in one step; a toast confirms it once the host has saved it. */
export async function orderDayByCallTime(newDayIds: number[], dayLabel: string): Promise<void> {
  if (await saveDayOrder(newDayIds)) showToast('info', say('plans.orderedByCallTime', { day: dayLabel }));
}

/** Moves the day in the store at once, then saves; a refusal puts it back as the host has it. */
async function saveDayOrder(newDayIds: number[]): Promise<boolean> {
  const plans = useData.getState().plans;
  const byId = new Map(plans.map((p) => [p.id, p]));
  const inDay = new Set(newDayIds);
  const queue = newDayIds.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  useData.setState({ plans: plans.map((p) => (inDay.has(p.id) ? queue.shift()! : p)) });
  const saved = await attempt(() => api.reorderPlans({ ids: newDayIds }));
  if (saved) useData.setState({ plans: saved });
  else await refreshData().catch(() => undefined);
  return saved !== undefined;
}

export async function exportAs(format: 'csv' | 'json'): Promise<void> {
  const file = await asJob('exportPlans', () => attempt(() => api.exportPlans({ format })));
  if (!file) return;
  saveFile(file);
  showToast('info', { key: 'plans.exported', params: { file: file.filename } });
}

const MAX_IMPORT_BYTES = 10_000_000;

/** Imports a chosen file; with problems nothing is written and the report says what to fix. */
export async function importFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    showToast('error', { key: 'plans.importTooBig' });
    return;
  }
  const format = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
  const content = await file.text();
  const result = await asJob('importPlans', () => attempt(() => api.importPlans({ format, content })));
  if (!result) return;
  if (result.errors.length > 0) {
    setImportReport({ file: file.name, format, content, result });
    return;
  }
  setImportReport(null);
  showToast('info', importedMessage(result));
}

/** How many plans came in, and how many were left out because they were already planned. */
function importedMessage(result: { imported: number; alreadyPlanned: number }): Wording {
  if (result.alreadyPlanned === 0) return { key: 'plans.imported', params: { count: result.imported } };
  if (result.imported === 0) return { key: 'plans.importNothingNew', params: { count: result.alreadyPlanned } };
  return { key: 'plans.importedSome', params: { count: result.imported, planned: result.alreadyPlanned } };
}

/** The producer's choice after a report: keep the valid rows, all in one go. */
export async function importValidRows(report: ImportReport): Promise<void> {
  const result = await asJob('importPlans', () => attempt(() => api.importPlans({ format: report.format, content: report.content, onlyValid: true })));
  if (!result) return;
  setImportReport(null);
  showToast('info', importedMessage(result));
}

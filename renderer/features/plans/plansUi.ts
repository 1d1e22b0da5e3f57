import { create } from 'zustand';
import type { PlanEntry } from '../../../shared/contract/plans';
import type { ImportResult } from '../../../shared/contract/plans';
import { openFormAtStart, rememberOpenForm, type DraftTarget } from './planDraft';

export interface ImportReport {
  file: string;
  format: 'csv' | 'json';
  content: string;
  result: ImportResult;
}

interface PlansUiState {
  editing: DraftTarget | null;
  /** The shoot day whose call sheet is shown ('' for plans with no date). */
  sheetDay: string | null;
  showArchived: boolean;
  deleting: PlanEntry | null;
  importReport: ImportReport | null;
  rosterOpen: boolean;
  /** Said by the screen reader after a move: "Moved … to 2 of 3". */
  announcement: string;
}

export const usePlansUi = create<PlansUiState>(() => ({
  editing: openFormAtStart(),
  sheetDay: null,
  showArchived: false,
  deleting: null,
  importReport: null,
  rosterOpen: false,
  announcement: '',
}));

export function startEditing(target: DraftTarget): void {
  rememberOpenForm(target);
  usePlansUi.setState({ editing: target, sheetDay: null });
}

export function stopEditing(): void {
  rememberOpenForm(null);
  usePlansUi.setState({ editing: null });
}

export const showCallSheet = (sheetDay: string | null) => usePlansUi.setState({ sheetDay });
export const setShowArchived = (showArchived: boolean) => usePlansUi.setState({ showArchived });
export const askToDelete = (deleting: PlanEntry | null) => usePlansUi.setState({ deleting });
export const setImportReport = (importReport: ImportReport | null) => usePlansUi.setState({ importReport });
export const toggleRoster = () => usePlansUi.setState((s) => ({ rosterOpen: !s.rosterOpen }));
export const announce = (announcement: string) => usePlansUi.setState({ announcement });

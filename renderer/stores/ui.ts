import { create } from 'zustand';
import type { Language, MessageKey } from '../../shared/i18n/index';
import { translate } from '../../shared/i18n/index';
import { setRefusalLanguage } from '../api/client';

const LANGUAGE_KEY = 'cuelight.language';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface UiState {
  language: Language;
  toasts: Toast[];
}

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'ko') return saved;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('ko') ? 'ko' : 'en';
}

export const useUi = create<UiState>(() => ({ language: initialLanguage(), toasts: [] }));
setRefusalLanguage(useUi.getState().language);

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  setRefusalLanguage(language);
  useUi.setState({ language });
}

let nextToast = 1;
export function showToast(kind: Toast['kind'], text: string): void {
  const toast = { id: nextToast++, kind, text };
  useUi.setState((s) => ({ toasts: [...s.toasts, toast].slice(-4) }));
  setTimeout(() => dismissToast(toast.id), kind === 'error' ? 8000 : 4000);
}

export function dismissToast(id: number): void {
  useUi.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export const useLanguage = () => useUi((s) => s.language);

/** The translate function for the current language. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const language = useLanguage();
  return (key, params) => translate(language, key, params);
}

import { create } from 'zustand';
import type { Language, MessageKey, MessageParams, Wording } from '../../shared/i18n/index';
import { translate, word } from '../../shared/i18n/index';
import { setRefusalLanguage } from '../api/client';

const LANGUAGE_KEY = 'cuelight.language';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  /** A message is worded when shown, so a switch of language re-words the toasts still up. */
  message: Wording | string;
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
/** A toast: a catalogue message (worded in the screen's language while it shows), or the host's own text. */
export function showToast(kind: Toast['kind'], message: Wording | string): void {
  const toast = { id: nextToast++, kind, message };
  useUi.setState((s) => ({ toasts: [...s.toasts, toast].slice(-4) }));
  setTimeout(() => dismissToast(toast.id), kind === 'error' ? 8000 : 4000);
}

export function dismissToast(id: number): void {
  useUi.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export const useLanguage = () => useUi((s) => s.language);

export const toastText = (toast: Toast, language: Language) => (typeof toast.message === 'string' ? toast.message : word(language, toast.message));

/** The translate function for the current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const language = useLanguage();
  return (key, params) => translate(language, key, params);
}

import { en, type MessageKey } from './en';
import { ko } from './ko';

export { en };

export type Language = 'en' | 'ko';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
];
export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { en, ko };

/** Looks up a message and fills {placeholders}. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

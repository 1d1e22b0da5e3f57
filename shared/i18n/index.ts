import { en, type MessageKey } from './en';
import { ko } from './ko';
import type { Message } from './areas/area';

export { en };

export type Language = 'en' | 'ko';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
];
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Language, Record<MessageKey, Message>> = { en, ko };
const pluralRules = { en: new Intl.PluralRules('en'), ko: new Intl.PluralRules('ko') };
const numberFormats = { en: new Intl.NumberFormat('en'), ko: new Intl.NumberFormat('ko') };

/** Looks up a message, picks its plural form for the count, and fills {placeholders}. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const message = catalogues[language][key];
  let template: string;
  let filled = params;
  if (typeof message === 'string') template = message;
  else {
    const count = params[message.plural];
    const n = typeof count === 'number' ? count : Number(count);
    template = message.forms[pluralRules[language].select(n)] ?? message.forms.other;
    if (typeof count === 'number') filled = { ...params, [message.plural]: numberFormats[language].format(count) };
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in filled ? String(filled[name]) : whole));
}

/** Every form of a message, for checks over the catalogues. */
export function messageForms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message.forms);
}

/**
 * A message to word later: a toast keeps this, not its text, so it reads in the language the
 * screen is in when it is shown, even after a switch. A parameter may be a message of its own.
 */
export interface Wording {
  key: MessageKey;
  params?: Record<string, string | number | Wording>;
}

export function word(language: Language, wording: Wording): string {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(wording.params ?? {})) params[name] = typeof value === 'object' ? word(language, value) : value;
  return translate(language, wording.key, params);
}

import type { Language } from './i18n/index';

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u;

/** True when the text has any Hangul in it (syllables or jamo). */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** A name kept in two scripts: `name` as entered first, `nameAlt` in the other script ('' if none). */
export interface TwoScriptName {
  name: string;
  nameAlt: string;
}

/**
 * The name to show first in a language: in Korean the one written in Hangul, in English the one
 * that is not; the entered name when only one fits (or neither does).
 */
export function nameIn(language: Language, named: TwoScriptName): string {
  if (!named.nameAlt) return named.name;
  const fits = (text: string) => hasHangul(text) === (language === 'ko');
  return fits(named.name) || !fits(named.nameAlt) ? named.name : named.nameAlt;
}

/** The other of the two names, to show beside the first ('' when there is only one). */
export function otherNameIn(language: Language, named: TwoScriptName): string {
  if (!named.nameAlt) return '';
  return nameIn(language, named) === named.name ? named.nameAlt : named.name;
}

import { z } from 'zod';
import { refusalText } from './i18n/refusal';

/** A UTF-16 half without its other half: would reach the database as U+FFFD, so it is refused. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Characters that show nothing: spaces, zero-width and format characters, Hangul fillers, a blank braille cell. */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\u2800]*$/u;

type TextRefusal = 'err.text.brokenCharacter' | 'err.text.invisible' | 'err.date.impossible';
/** A refusal worded from the catalogue; its key rides in the params so a screen words it in its language. */
export const refused = (key: TextRefusal) => ({ message: refusalText('en', key), params: { key } });

function typed(max: number, required: boolean) {
  const normalised = z
    .string()
    .refine((s) => !LONE_SURROGATE.test(s), { ...refused('err.text.brokenCharacter'), abort: true })
    .transform((s) => s.normalize('NFC').trim());
  const checked = (required ? z.string().min(1, 'Required') : z.string())
    .max(max, `Must be at most ${max} characters`)
    .refine((s) => s === '' || !INVISIBLE_ONLY.test(s), refused('err.text.invisible'));
  // The bound is checked after NFC, so the published (input) schema states it explicitly.
  return normalised.pipe(checked).meta({ maxLength: max });
}

/** Text as people type it: NFC-normalised (so NFD Hangul matches NFC), trimmed, bounded; empty allowed. */
export function text(max: number) {
  return typed(max, false);
}

/** Like text, but something visible must be left. */
export function requiredText(max: number) {
  return typed(max, true);
}

/** Compare names the way a person would: NFC, case-insensitive for Latin script. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}

export const NAME_MAX = 120;
export const NOTE_MAX = 4000;

/** Text as the take log searches and sorts it: NFC and lower case (the same mapping as nameKey's). */
export function searchKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

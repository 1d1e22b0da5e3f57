import { z } from 'zod';

/** Text as people type it: NFC-normalised (so NFD Hangul matches NFC), trimmed, bounded. */
export function text(max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `Must be at most ${max} characters`));
}

export function requiredText(max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Required').max(max, `Must be at most ${max} characters`));
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

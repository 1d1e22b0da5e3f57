/**
 * A message whose words follow a number: one form per plural category of the language, as
 * Intl.PluralRules names them (English "one" and "other"; Korean has only "other", so a plain string).
 * `count` names the parameter that chooses the form; it is written with the language's digit grouping.
 */
export interface Plural {
  plural: string;
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

export type Message = string | Plural;

/** A plural-aware message, chosen by the parameter `count` (by default `{count}`). */
export function plural(forms: Plural['forms'], count = 'count'): Plural {
  return { plural: count, forms };
}

/** One area's catalogue in both languages; Korean must have every English key (a compile error otherwise). */
export function area<const E extends Record<string, Message>>(en: E, ko: { [K in keyof E]: Message }) {
  return { en, ko };
}

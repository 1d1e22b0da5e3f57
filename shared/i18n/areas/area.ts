/** One area's catalogue in both languages; Korean must have every English key (a compile error otherwise). */
export function area<const E extends Record<string, string>>(en: E, ko: { [K in keyof E]: string }) {
  return { en, ko };
}

import type { z } from 'zod';

/**
 * Reads a JSON entry kept in this browser's storage and keeps each field that checks out against
 * its schema; anything else (a damaged entry, one written by another version, storage switched
 * off) is dropped, so the caller's defaults stand in for it. Never throws.
 */
export function readStored<S extends z.ZodObject>(key: string, schema: S): Partial<z.infer<S>> {
  let value: unknown;
  try {
    const raw = localStorage.getItem(key);
    value = raw === null ? {} : JSON.parse(raw);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const kept: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const given = (value as Record<string, unknown>)[field];
    if (given === undefined) continue;
    const parsed = check.safeParse(given);
    if (parsed.success) kept[field] = parsed.data;
  }
  return kept as Partial<z.infer<S>>;
}

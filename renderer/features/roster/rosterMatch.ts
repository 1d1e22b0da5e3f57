import type { Person, Venue } from '../../../shared/schemas';
import { nameKey } from '../../../shared/text';

/** The roster entry a typed name means, matched as the host matches it: either script, NFC, any Latin case. */
export function findPerson(people: Person[], name: string): Person | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  return people.find((p) => nameKey(p.name) === key || (p.nameAlt !== '' && nameKey(p.nameAlt) === key));
}

export function findVenue(venues: Venue[], name: string): Venue | undefined {
  const key = nameKey(name);
  return key ? venues.find((v) => nameKey(v.name) === key || (v.nameAlt !== '' && nameKey(v.nameAlt) === key)) : undefined;
}

export const withAlt = (p: { name: string; nameAlt: string }) => (p.nameAlt ? `${p.name} · ${p.nameAlt}` : p.name);

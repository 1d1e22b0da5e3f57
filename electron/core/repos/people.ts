import type { Db } from '../db/open';
import type { Person, Role } from '../../../shared/schemas';
import { nameKey } from '../../../shared/text';
import { statement } from '../db/statements';
import { rowsByNamePage, type NameCursor } from './name-page';

interface PersonRow {
  id: number;
  name: string;
  name_alt: string;
  roles: string;
  contact: string;
}

export function rowToPerson(row: PersonRow): Person {
  return { id: row.id, name: row.name, nameAlt: row.name_alt, roles: JSON.parse(row.roles) as Role[], contact: row.contact };
}

export function listPeople(db: Db): Person[] {
  const rows = statement(db, 'SELECT * FROM people ORDER BY name COLLATE NOCASE').all() as PersonRow[];
  return rows.map(rowToPerson);
}

/** The people after `after` in name order (as the whole list is ordered; ties by id), `limit` at most. */
export function peoplePage(db: Db, after: NameCursor | null, limit: number): Person[] {
  return rowsByNamePage<PersonRow>(db, 'people', after, limit).map(rowToPerson);
}

export function getPerson(db: Db, id: number): Person | undefined {
  const row = statement(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return row && rowToPerson(row);
}

/** Finds a person by name in either script, as a person would match it. */
export function findPersonByName(db: Db, name: string, exceptId?: number): Person | undefined {
  const key = nameKey(name);
  return listPeople(db).find((p) => p.id !== exceptId && (nameKey(p.name) === key || (p.nameAlt !== '' && nameKey(p.nameAlt) === key)));
}

export interface NewPerson {
  name: string;
  nameAlt?: string | undefined;
  roles: Role[];
  contact?: string | undefined;
}

export function insertPerson(db: Db, p: NewPerson, now: number): Person {
  const info = statement(db, 'INSERT INTO people (name, name_alt, roles, contact, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(p.name, p.nameAlt ?? '', JSON.stringify([...new Set(p.roles)]), p.contact ?? '', now);
  return getPerson(db, Number(info.lastInsertRowid))!;
}

export function updatePerson(db: Db, id: number, p: NewPerson): void {
  statement(db, 'UPDATE people SET name = ?, name_alt = ?, roles = ?, contact = ? WHERE id = ?').run(
    p.name,
    p.nameAlt ?? '',
    JSON.stringify([...new Set(p.roles)]),
    p.contact ?? '',
    id,
  );
}

/** Adds a role to a person who is picked for it (an artist who also dances, say). */
export function addRole(db: Db, person: Person, role: Role): Person {
  if (person.roles.includes(role)) return person;
  const roles = [...person.roles, role];
  statement(db, 'UPDATE people SET roles = ? WHERE id = ?').run(JSON.stringify(roles), person.id);
  return { ...person, roles };
}

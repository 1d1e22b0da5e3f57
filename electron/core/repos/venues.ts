import type { Db } from '../db/open';
import type { Venue } from '../../../shared/schemas';
import { nameKey } from '../../../shared/text';
import { statement } from '../db/statements';
import { rowsByNamePage, type NameCursor } from './name-page';

interface VenueRow {
  id: number;
  name: string;
  name_alt: string;
  address: string;
  area: string;
  notes: string;
}

export function rowToVenue(row: VenueRow): Venue {
  return { id: row.id, name: row.name, nameAlt: row.name_alt, address: row.address, area: row.area, notes: row.notes };
}

export function listVenues(db: Db): Venue[] {
  return (statement(db, 'SELECT * FROM venues ORDER BY name COLLATE NOCASE').all() as VenueRow[]).map(rowToVenue);
}

/** The venues after `after` in name order (as the whole list is ordered; ties by id), `limit` at most. */
export function venuesPage(db: Db, after: NameCursor | null, limit: number): Venue[] {
  return rowsByNamePage<VenueRow>(db, 'venues', after, limit).map(rowToVenue);
}

export function getVenue(db: Db, id: number): Venue | undefined {
  const row = statement(db, 'SELECT * FROM venues WHERE id = ?').get(id) as VenueRow | undefined;
  return row && rowToVenue(row);
}

/** Finds a venue by its name in either script, as a person would match it. */
export function findVenueByName(db: Db, name: string, exceptId?: number): Venue | undefined {
  const key = nameKey(name);
  return listVenues(db).find((v) => v.id !== exceptId && (nameKey(v.name) === key || (v.nameAlt !== '' && nameKey(v.nameAlt) === key)));
}

export interface NewVenue {
  name: string;
  nameAlt?: string | undefined;
  address?: string | undefined;
  area?: string | undefined;
  notes?: string | undefined;
}

export function insertVenue(db: Db, v: NewVenue, now: number): Venue {
  const info = statement(db, 'INSERT INTO venues (name, name_alt, address, area, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(v.name, v.nameAlt ?? '', v.address ?? '', v.area ?? '', v.notes ?? '', now);
  return getVenue(db, Number(info.lastInsertRowid))!;
}

export function updateVenue(db: Db, id: number, v: NewVenue): void {
  statement(db, 'UPDATE venues SET name = ?, name_alt = ?, address = ?, area = ?, notes = ? WHERE id = ?').run(
    v.name,
    v.nameAlt ?? '',
    v.address ?? '',
    v.area ?? '',
    v.notes ?? '',
    id,
  );
}

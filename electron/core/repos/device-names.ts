import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** The operator's names for devices, by device id. */
export function deviceNames(db: Db): Map<string, string> {
  const rows = statement(db, 'SELECT device_id, name FROM device_names').raw().all() as [string, string][];
  return new Map(rows);
}

/** Remembers the operator's name for a device; an empty name forgets it. */
export function setDeviceName(db: Db, deviceId: string, name: string, now: number): void {
  if (name === '') {
    statement(db, 'DELETE FROM device_names WHERE device_id = ?').run(deviceId);
    return;
  }
  statement(db, 
    `INSERT INTO device_names (device_id, name, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
  ).run(deviceId, name, now);
}

import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial';
import { up as outcomeHistory } from './002-outcome-history';
import { up as reviewIndexes } from './003-review-indexes';
import { up as leanTakeCommits } from './004-lean-take-commits';
import { up as triggers } from './005-triggers';
import { up as venueOtherScriptName } from './006-venue-other-script-name';
import { up as deviceNames } from './007-device-names';
import { up as readiness } from './008-readiness';

/** Ordered schema steps; a database's PRAGMA user_version is the number of steps applied. */
export const migrations: ReadonlyArray<(db: Database) => void> = [initial, outcomeHistory, reviewIndexes, leanTakeCommits, triggers, venueOtherScriptName, deviceNames, readiness];

export const SCHEMA_VERSION = migrations.length;

export class NewerDatabaseError extends Error {
  constructor(readonly found: number) {
    super(
      `This database was written by a newer Cuelight (schema ${found}; this version knows up to ${SCHEMA_VERSION}). ` +
        'Update Cuelight to open it; the file was left untouched.',
    );
  }
}

/** Applies every pending step in one transaction: a failed step leaves the database as it was. */
export function migrate(db: Database, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  if (current >= target) return current;
  db.transaction(() => {
    for (let step = current; step < target; step++) migrations[step]!(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}

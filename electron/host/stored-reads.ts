/**
 * Answers that are a function of the stored rows alone (the plan list a stage display and every
 * script reads), serialised once per version of the data and sent as the same bytes to every
 * reader: fifty displays asking again cost fifty socket writes, not fifty queries and JSON texts.
 */
import type { Db } from '../core/db/open';
import { statement } from '../core/db/statements';
import { methods, type MethodName } from '../../shared/api';

/**
 * Methods whose answer depends on the database's rows and the input only, never on the caller or
 * the clock. A kept answer skips dispatch's checks, so only methods anyone may call are kept.
 */
const STORED_READS: ReadonlySet<MethodName> = new Set((['listPlans', 'listPeople', 'listVenues'] as const).filter((name) => methods[name].access === 'read'));

/** Past this many distinct inputs in one data version, answers are not kept (a script varying its input). */
const ANSWERS_KEPT = 16;

/**
 * Any row this connection changed (total_changes, counting rolled-back ones: a spare refresh is harmless)
 * or any commit by another connection (data_version: the import's, a restore's) makes a new version.
 */
function dataVersion(db: Db): string {
  const row = statement(db, 'SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version').get() as { changes: number; version: number };
  return `${row.changes}:${row.version}`;
}

export class StoredReads {
  private db: Db | null = null;
  private version = '';
  private answers = new Map<string, Buffer>();

  /** The envelope's bytes for this call, serialised now or earlier in the same data version; null if the method's answer is not kept. */
  async answer<E extends { ok: boolean }>(db: Db, name: MethodName, input: unknown, produce: () => Promise<E>): Promise<Buffer | { envelope: E } | null> {
    if (!STORED_READS.has(name)) return null;
    const version = dataVersion(db);
    if (db !== this.db || version !== this.version) {
      this.db = db;
      this.version = version;
      this.answers.clear();
    }
    const key = `${name} ${JSON.stringify(input ?? null)}`;
    const kept = this.answers.get(key);
    if (kept) return kept;
    const envelope = await produce();
    // Only a success is kept, and only if nothing changed while it was made.
    if (!envelope.ok || this.answers.size >= ANSWERS_KEPT || dataVersion(db) !== version || this.db !== db) return { envelope };
    const bytes = Buffer.from(JSON.stringify(envelope));
    this.answers.set(key, bytes);
    return bytes;
  }
}

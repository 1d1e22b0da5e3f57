import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** Enough for every SQL text the app runs; least recently used ones are dropped past it. */
const STATEMENTS_KEPT = 256;

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The app's way to run SQL: each text is compiled once per connection and handed back on later
 * calls, in its default (object-row) mode. Compiling was most of an outcome commit's CPU time.
 * better-sqlite3 itself is left as it is (`db.prepare` still compiles anew, for one-off work).
 */
export function statement(db: Db, sql: string): Statement {
  let kept = caches.get(db);
  if (!kept) caches.set(db, (kept = new Map()));
  let compiled = kept.get(sql);
  if (compiled) {
    kept.delete(sql); // re-inserted below: the map's order is least recently used first
    if (compiled.reader) compiled.raw(false).pluck(false).expand(false);
  } else {
    compiled = db.prepare(sql);
    if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(sql, compiled);
  return compiled;
}

/** The SQL texts compiled for this connection so far (for tests of the binding rule). */
export function compiledTexts(db: Db): string[] {
  return [...(caches.get(db)?.keys() ?? [])];
}

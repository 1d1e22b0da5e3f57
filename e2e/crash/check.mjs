// What a kill may not break, read straight from the SQLite file while the host is down:
// integrity, every acknowledged change present, nothing twice. See ./workload.mjs for the model.
import Database from 'better-sqlite3';

/** Opens the store read-only (no write, no checkpoint) and checks it against the acknowledged model. */
export function inspectStore(file, model) {
  const found = { integrity: 'not checked', lost: [], duplicated: [], open: [] };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check');
    found.integrity = rows.length === 1 && rows[0].integrity_check === 'ok' ? 'ok' : rows.map((r) => r.integrity_check).join('; ');
    checkPlans(db, model, found);
    checkTakes(db, model, found);
    checkMarks(db, model, found);
    checkOutcomes(db, model, found);
    // Takes still running (pending, never ended): the next start must show them as interrupted.
    found.open = db.prepare("SELECT id FROM takes WHERE outcome = 'pending' AND ended_at IS NULL").pluck().all();
  } finally {
    db.close();
  }
  return found;
}

function checkPlans(db, model, found) {
  const song = db.prepare('SELECT song FROM plans WHERE id = ?').pluck();
  for (const [id, expected] of model.plans) if (song.get(id) !== expected) found.lost.push(`plan ${id} (${expected})`);
  for (const row of db.prepare("SELECT song, count(*) AS n FROM plans WHERE song LIKE 'crash-%' GROUP BY song HAVING n > 1").all()) {
    found.duplicated.push(`plan "${row.song}" ×${row.n}`);
  }
}

function checkTakes(db, model, found) {
  const take = db.prepare('SELECT run, go_at, ended_at FROM takes WHERE id = ?');
  for (const [id, expected] of model.takes) {
    const row = take.get(id);
    if (!row || row.run !== expected.run || row.go_at !== expected.goAt) found.lost.push(`take ${id} (run ${expected.run})`);
    else if (model.ended.has(id) && row.ended_at === null) found.lost.push(`end of take ${id}`);
  }
  // One take per countdown run: a GO replayed after a restart must not open a second one.
  const runs = db.prepare('SELECT count(*) FROM takes').pluck().get() - db.prepare('SELECT count(DISTINCT run) FROM takes').pluck().get();
  if (runs > 0) found.duplicated.push(`${runs} takes share a run`);
}

function checkMarks(db, model, found) {
  // One pass over the marks (notes have no index): takes each note is on.
  const byNote = new Map();
  for (const row of db.prepare('SELECT note, take_id FROM take_marks').all()) byNote.set(row.note, [...(byNote.get(row.note) ?? []), row.take_id]);
  for (const [note, takeId] of model.marks) {
    const takes = byNote.get(note) ?? [];
    if (!takes.includes(takeId)) found.lost.push(`mark "${note}"`);
    if (takes.length > 1) found.duplicated.push(`mark "${note}" ×${takes.length}`);
  }
  for (const note of model.unsureMarks) {
    const n = (byNote.get(note) ?? []).length;
    if (n > 1) found.duplicated.push(`unacknowledged mark "${note}" ×${n}`);
  }
}

function checkOutcomes(db, model, found) {
  const outcome = db.prepare('SELECT outcome FROM takes WHERE id = ?').pluck();
  for (const [id, expected] of model.outcomes) {
    const actual = outcome.get(id);
    // A change sent but not answered when the host died may or may not have landed.
    if (actual !== expected && !(model.unsureOutcomes.get(id) ?? []).includes(actual)) found.lost.push(`outcome of take ${id}: ${expected}, found ${actual}`);
  }
  const history = db.prepare('SELECT count(*) FROM take_outcome_history WHERE take_id = ? AND before_outcome = ? AND after_outcome = ?').pluck();
  const expected = new Map();
  for (const c of model.changes) {
    const key = JSON.stringify([c.takeId, c.before, c.after]);
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  for (const [key, n] of expected) {
    const [takeId, before, after] = JSON.parse(key);
    if (history.get(takeId, before, after) < n) found.lost.push(`history of take ${takeId}: ${before} -> ${after}`);
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../test-harness';
import { insertPerson, listPeople, peoplePage } from '../repos/people';
import { insertVenue, listVenues, venuesPage } from '../repos/venues';
import { ImportPass, PLANNED_PAGE } from './plan-import-pass';
import { ROSTER_PAGE } from './roster';

// What an import checks its rows against (the plans already there, the roster) is read a page at a
// time, so the writer on the countdown's loop can let it breathe however big the store has grown.

let h: Harness;
afterEach(() => h.dispose());

/** Every page from `read`, following each page's last entry. */
function allPages<T extends { id: number; name: string }>(read: (after: T | null) => T[]): T[] {
  const all: T[] = [];
  for (let page = read(null); page.length; page = read(page.at(-1)!)) all.push(...page);
  return all;
}

describe('the roster read in pages', () => {
  it('comes in the order the whole list has, case and ties included', () => {
    h = new Harness({ demo: true });
    for (const name of ['alice', 'ALICE', 'Alice', 'bob', 'Bob', '민지', 'Émile', 'émile', 'a']) {
      insertPerson(h.db, { name, roles: ['dancer'] }, 0);
      insertVenue(h.db, { name }, 0);
    }
    expect(allPages((after) => peoplePage(h.db, after, 2))).toEqual(listPeople(h.db));
    expect(allPages((after) => venuesPage(h.db, after, 3))).toEqual(listVenues(h.db));
  });
});

describe('an import pass', () => {
  it('reads one page at a time before its first row, and puts new rows after the highest run order', async () => {
    h = new Harness({ demo: true });
    const plans = 2 * PLANNED_PAGE + 10;
    const insertPlan = h.db.prepare("INSERT INTO plans (artist_id, song, run_order, countdown_ms, warning_ms, danger_ms, created_at, updated_at) VALUES ((SELECT min(id) FROM people), ?, ?, 90000, 60000, 10000, 0, 0)");
    h.db.transaction(() => {
      for (let i = 0; i < plans; i++) insertPlan.run(`Song ${i}`, 10 + (i * 7919) % plans);
      for (let i = 0; i < ROSTER_PAGE + 5; i++) insertPerson(h.db, { name: `Dancer ${i}`, roles: ['dancer'] }, 0);
    })();
    const highest = h.db.prepare('SELECT max(run_order) FROM plans').pluck().get() as number;
    const planPages = Math.ceil(h.db.prepare('SELECT count(*) FROM plans').pluck().get() as number / PLANNED_PAGE);
    const rosterPages = Math.ceil(listPeople(h.db).length / ROSTER_PAGE) + Math.ceil(listVenues(h.db).length / ROSTER_PAGE);
    const pass = new ImportPass(h.db, { format: 'csv', rows: 1, errors: [] }, 0);
    let steps = 1;
    while (pass.prepare()) steps++;
    expect(steps).toBeGreaterThanOrEqual(planPages + rosterPages);
    await h.ok('importPlans', { format: 'csv', content: 'artist,song\nNew Artist,New Song\n' });
    expect(h.db.prepare("SELECT run_order FROM plans WHERE song = 'New Song'").pluck().get()).toBe(highest + 1);
  });
});

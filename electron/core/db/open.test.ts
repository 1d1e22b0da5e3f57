import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from './open';
import { openDatabase, openStore } from './open';
import { statement } from './statements';

let dir: string;
const opened: Db[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.open && db.close());
  fs.rmSync(dir, { recursive: true, force: true });
});

function store(): Db {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-open-'));
  const db = openDatabase(dir);
  opened.push(db);
  return db;
}

describe('the statement cache', () => {
  it('are compiled once per SQL text and handed back in object-row mode', () => {
    const db = store();
    const sql = "SELECT 'crew' AS key";
    const first = statement(db, sql);
    expect(first.pluck().get()).toBe('crew');
    const again = statement(db, sql);
    expect(again).toBe(first);
    expect(again.get()).toEqual({ key: 'crew' });
    expect(statement(db, sql).raw().get()).toEqual(['crew']);
    expect(statement(db, sql).get()).toEqual({ key: 'crew' });
  });

  it('keep at most a bounded number, so generated SQL cannot grow memory without end', () => {
    const db = store();
    const first = statement(db, 'SELECT 0');
    for (let i = 1; i <= 300; i++) statement(db, `SELECT ${i}`);
    expect(statement(db, 'SELECT 0')).not.toBe(first);
    expect(statement(db, 'SELECT 0').pluck().get()).toBe(0);
  });
});

describe('the start-up check', () => {
  it('passes a sound store, which opens writable at the current schema', () => {
    store().close();
    const opened2 = openStore(dir);
    opened.push(opened2.db);
    expect(opened2.damage).toBeNull();
    expect(opened2.db.readonly).toBe(false);
  });

  it('opens a store that fails it read-only, without migrating or writing it', () => {
    const db = store();
    const page = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'plans'").pluck().get() as number;
    db.close();
    const file = path.join(dir, 'cuelight.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x33), 0, 4096, (page - 1) * 4096);
    fs.closeSync(fd);
    const before = fs.readFileSync(file);
    const damaged = openStore(dir);
    opened.push(damaged.db);
    expect(damaged.damage).toMatch(/quick_check|cannot read/);
    expect(damaged.db.readonly).toBe(true);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

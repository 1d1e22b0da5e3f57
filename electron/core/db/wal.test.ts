import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';
import { DB_FILE, openStore } from './open';
import { Checkpointer, WAL_PREALLOCATE_BYTES } from './wal';
import { makeTempDir, T0 } from '../test-harness';

let dir: string;
let file: string;
let wal: string;
const opened: Db[] = [];

beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, DB_FILE);
  wal = `${file}-wal`;
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Db {
  const { db, damage } = openStore(dir);
  expect(damage).toBeNull();
  opened.push(db);
  return db;
}

const addPerson = (db: Db, name: string) => db.prepare("INSERT INTO people (name, roles, created_at) VALUES (?, '[\"artist\"]', ?)").run(name, T0);

describe('the write-ahead log', () => {
  it('is laid out in zeros at open, so commits overwrite blocks the file already has', () => {
    open();
    expect(fs.statSync(wal).size).toBe(WAL_PREALLOCATE_BYTES);
  });

  it('keeps every commit across a crash: the copy taken mid-session opens with all of them', () => {
    const db = open();
    for (let i = 0; i < 50; i++) addPerson(db, `Artist ${i}`);
    // What a crash leaves: the database and its WAL as they are on disk, with no checkpoint or close.
    const crashed = path.join(dir, 'crashed');
    fs.mkdirSync(crashed);
    fs.copyFileSync(file, path.join(crashed, DB_FILE));
    fs.copyFileSync(wal, path.join(crashed, `${DB_FILE}-wal`));
    const after = new Database(path.join(crashed, DB_FILE));
    opened.push(after);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*) FROM people').pluck().get()).toBe(50);
  });

  it('is checkpointed and laid out again at the next open, without losing a row', () => {
    const first = open();
    addPerson(first, '아이유');
    first.close();
    const again = open();
    expect(again.prepare('SELECT name FROM people').pluck().all()).toEqual(['아이유']);
    expect(fs.statSync(wal).size).toBe(WAL_PREALLOCATE_BYTES);
  });

  it('is checkpointed only once enough has changed, never on every idle tick', () => {
    const db = open();
    const checkpoints = new Checkpointer(db, 10);
    for (let i = 0; i < 9; i++) addPerson(db, `Artist ${i}`);
    expect(checkpoints.takeDue()).toBe(false);
    addPerson(db, 'Artist 9');
    expect(checkpoints.takeDue()).toBe(true);
    expect(checkpoints.takeDue()).toBe(false); // nothing new since
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(10);
  });
});

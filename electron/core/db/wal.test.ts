import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';
import { DB_FILE, openStore } from './open';
import { Checkpointer, checkpointWal, startWalOver, WAL_PREALLOCATE_BYTES } from './wal';
import { makeTempDir, T0, walSalts as walHeaderSalts } from '../test-harness';

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

const walSalts = () => walHeaderSalts(file);

describe('starting the log over', () => {
  it('is done by the checkpoint, so the next change does not start it (nor sync its header) itself', () => {
    const db = open();
    addPerson(db, 'IU');
    const before = walSalts();
    expect(checkpointWal(db)).toBe(true);
    const restarted = walSalts();
    expect(restarted).not.toBe(before);
    addPerson(db, 'AKMU');
    expect(walSalts()).toBe(restarted);
    expect(db.prepare('SELECT name FROM people ORDER BY id').pluck().all()).toEqual(['IU', 'AKMU']);
  });

  it('is done at open, after the log is laid out, so the first change of a session does not either', () => {
    const db = open();
    const opened = walSalts();
    addPerson(db, 'IU');
    expect(walSalts()).toBe(opened);
  });

  it('leaves the schema version as it was', () => {
    const db = open();
    const version = db.pragma('user_version', { simple: true });
    addPerson(db, 'IU');
    checkpointWal(db);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
  });

  it('waits while a reader still needs the log: the checkpoint could not empty it', () => {
    const db = open();
    addPerson(db, 'IU');
    const reader = new Database(file);
    opened.push(reader);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM people').get(); // holds its snapshot
    addPerson(db, 'AKMU');
    const salts = walSalts();
    expect(checkpointWal(db)).toBe(false);
    expect(walSalts()).toBe(salts);
    reader.exec('COMMIT');
  });

  it('gives way to a writer on another connection, without waiting or throwing', () => {
    const db = open();
    const worker = new Database(file);
    opened.push(worker);
    worker.pragma('busy_timeout = 0');
    db.exec('BEGIN IMMEDIATE');
    expect(startWalOver(worker)).toBe(false);
    db.exec('COMMIT');
    expect(startWalOver(worker)).toBe(true);
  });

  it('never throws for a write it could not make: the checkpoint before it stands', () => {
    const db = open();
    addPerson(db, 'IU');
    const readOnly = new Database(file, { readonly: true });
    opened.push(readOnly);
    expect(startWalOver(readOnly)).toBe(false);
    expect(checkpointWal(db)).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from './core';
import { ManualClock } from './clock';
import { countPlans } from './repos/plans';

const opened: Core[] = [];
const open = (dataDir: string) => {
  const core = openCore({ dataDir, demo: 'first-run', clock: new ManualClock(Date.UTC(2026, 10, 26)) });
  opened.push(core);
  return core;
};
afterEach(() => opened.splice(0).forEach((core) => core.close()));

describe('the demo shoot on first run', () => {
  it('loads into a database this start creates', () => {
    const core = open(fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-first-')));
    expect(countPlans(core.db)).toBe(6);
  });

  it('stays away once the database exists, even when its plans were all removed', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-first-'));
    const first = open(dataDir);
    first.db.exec('DELETE FROM plan_members; DELETE FROM plans;');
    first.close();
    opened.pop();
    expect(countPlans(open(dataDir).db)).toBe(0);
  });
});

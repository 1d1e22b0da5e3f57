import { describe, it, expect } from 'vitest';
import type { CountdownSnapshot } from '../../shared/api';
import { isNewer } from './snapshotOrder';

const snap = (boot: string, version: number): CountdownSnapshot => ({
  phase: 'counting', planId: 1, durationMs: 60_000, deadline: null, remainingMs: 60_000, startedAt: null, goAt: null, endedAt: null, run: 1,
  warningMs: 0, dangerMs: 0, takeId: null, rehearsal: false, artist: '', song: '', message: '', saveFailure: null, hostNow: 0, boot, version,
});

describe('snapshots in the host’s order', () => {
  it('a late reply older than the pushed snapshot is dropped; the same one twice is kept', () => {
    expect(isNewer(snap('a', 2), snap('a', 1))).toBe(false);
    expect(isNewer(snap('a', 2), snap('a', 2))).toBe(true);
    expect(isNewer(snap('a', 2), snap('a', 3))).toBe(true);
    expect(isNewer(null, snap('a', 1))).toBe(true);
  });

  it('a restarted host’s snapshots win though its versions start again', () => {
    expect(isNewer(snap('a', 40), snap('b', 1))).toBe(true);
  });
});

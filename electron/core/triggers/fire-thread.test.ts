import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerResult } from '../../../shared/contract/triggers';
import { openCore, type Core } from '../core';
import { systemClock } from '../clock';
import { dispatch } from '../dispatch';
import { Harness, runToGo } from '../test-harness';
import { startOscListener } from '../../../e2e/show-control/stand-ins.mjs';

// With the wall clock, triggers leave from their own thread's timer: a host loop that is busy
// across zero (a burst of readers, a long query) no longer makes them late, and never early.

let core: Core;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-fire-'));
  core = openCore({ dataDir: dir, clock: systemClock, demo: true });
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const reply = await dispatch(core, method, input, { canControl: true });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

/** Keeps this thread (the host's loop) busy until `until` on the wall clock. */
function busyUntil(until: number): void {
  while (Date.now() < until) {
    // a loaded loop: nothing else runs here meanwhile
  }
}

describe('the firing thread', () => {
  it('sends GO on time while the host loop is blocked across zero, and never before it', async () => {
    const osc = await startOscListener();
    try {
      const plan = await call<{ id: number }>('createPlan', { artist: { name: 'MAMAMOO' }, song: 'HIP', countdownMs: 5_000, warningMs: 3_000, dangerMs: 1_000 });
      await call('saveTriggers', { triggers: [{ name: 'Lights', event: 'go', action: { kind: 'osc', host: '127.0.0.1', port: osc.port, address: '/go' } }] });
      const result = new Promise<TriggerResult>((resolve) => core.events.on('triggerResult', resolve));
      await call('countdownCommand', { type: 'arm', planId: plan.id });
      // A 1.1 s countdown: the least an adjust leaves is 1 s.
      await call('countdownCommand', { type: 'adjust', deltaMs: -3_900 });
      const { deadline } = await call<{ deadline: number }>('countdownCommand', { type: 'start' });
      await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now() - 200)));
      busyUntil(deadline + 400); // the old in-loop firing could not send before this returned
      const fired = await result;
      expect(fired.status).toBe('sent');
      expect(fired.firedAt).toBeGreaterThanOrEqual(deadline);
      // Generous for a shared, loaded machine; in-loop firing would be at least 400 ms late.
      expect(fired.firedAt - deadline).toBeLessThan(200);
      expect(fired.lateMs).toBeLessThan(200);
      await expect.poll(() => osc.packets.map((p) => p.address)).toEqual(['/go']);
    } finally {
      await osc.close();
    }
  });
});

describe('without the firing thread\'s file', () => {
  it('still fires, from the host\'s loop, and says so in the log', async () => {
    const built = process.env.CUELIGHT_WORKERS_DIR;
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-no-workers-'));
    process.env.CUELIGHT_WORKERS_DIR = empty;
    const osc = await startOscListener();
    const h = new Harness({ demo: true });
    try {
      const planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
      await h.ok('saveTriggers', { triggers: [{ name: 'Lights', event: 'go', action: { kind: 'osc', host: '127.0.0.1', port: osc.port, address: '/go' } }] });
      const result = new Promise<TriggerResult>((resolve) => h.core.events.on('triggerResult', resolve));
      const go = await runToGo(h, planId);
      expect(await result).toMatchObject({ status: 'sent', takeId: go.takeId });
      await expect.poll(() => osc.packets.map((p) => p.address)).toEqual(['/go']);
    } finally {
      await h.dispose();
      await osc.close();
      process.env.CUELIGHT_WORKERS_DIR = built;
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

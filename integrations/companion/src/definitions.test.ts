import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompanionActionDefinition, CompanionBooleanFeedbackDefinition } from '@companion-module/base';
import { Harness } from '../../../electron/core/test-harness';
import type { createHost } from '../../../electron/host/server';
import { startTestHost } from '../../../electron/host/test-host';
import { HostConnection } from './connection';
import { ConfirmGate, actionDefinitions, feedbackDefinitions, shownTime, variableValues } from './definitions';

// The module's actions, feedbacks and variables against a real host (HTTP + WebSocket on loopback).

let h: Harness;
let host: ReturnType<typeof createHost>;
let connection: HostConnection;
let planId: number;
let changes = 0;
const logged: string[] = [];

beforeEach(async () => {
  h = new Harness({ demo: true });
  planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
  let url: string;
  ({ host, base: url } = await startTestHost(h.core, 'deck-token', h.dataDir));
  connection = new HostConnection({ url, token: 'deck-token' }, () => changes++);
  connection.connect();
  await until(() => connection.connected && connection.snapshot !== null);
  logged.length = 0;
});
afterEach(async () => {
  connection.close();
  await host.close();
  await h.dispose();
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

function press(id: string, options: Record<string, unknown> = {}): Promise<void> | void {
  const action = actionDefinitions(connection, gate, (m) => logged.push(m))[id] as CompanionActionDefinition;
  return action.callback({ id, actionId: id, controlId: 'bank', options } as never, {} as never);
}
let gate = new ConfirmGate();
const feedback = (id: string, options: Record<string, unknown> = {}) =>
  (feedbackDefinitions(connection)[id] as CompanionBooleanFeedbackDefinition).callback({ id, feedbackId: id, controlId: 'bank', options } as never, {} as never);

describe('the Companion module against a headless host', () => {
  it('arms and starts from a key; variables and the phase feedback follow the host', async () => {
    gate = new ConfirmGate();
    await press('arm', { planId, rehearsal: false });
    await press('toggle');
    await until(() => connection.snapshot?.phase === 'counting');
    expect(feedback('phase', { phase: 'counting' })).toBe(true);
    expect(feedback('inSync')).toBe(true);
    // The host's manual clock stands still, so the time left is the plan's 1:30.
    connection.offsetMs = h.clock.now() - Date.now();
    expect(variableValues(connection)).toMatchObject({ remaining: '1:30', phase: 'counting', artist: 'AKMU', song: 'Love Lee', take_number: '' });
    await press('adjust', { seconds: -30 });
    await until(() => connection.snapshot?.deadline === h.clock.now() + 60_000);
  });

  it('Go now needs a second press, then the take number shows and outcomes log', async () => {
    gate = new ConfirmGate();
    await press('arm', { planId, rehearsal: false });
    await press('start');
    await press('goNow');
    await new Promise((r) => setTimeout(r, 30));
    expect((await h.ok('getCountdown', undefined)).phase).toBe('counting');
    await press('goNow');
    await until(() => connection.snapshot?.phase === 'go' && connection.takeNumber === 1);
    expect(variableValues(connection).take_number).toBe('1');
    await press('mark', { note: 'camera 2 late' });
    await press('outcome', { outcome: 'succeeded' });
    const take = await h.ok('getTake', { id: connection.snapshot!.takeId! });
    expect([take.outcome, take.marks.map((m) => m.note)]).toEqual(['succeeded', ['camera 2 late']]);
  });

  it('says why a command was refused, and a wrong token cannot control', async () => {
    gate = new ConfirmGate();
    await press('end');
    expect(logged).toEqual([expect.stringMatching(/take/i)]);
    const stranger = new HostConnection({ url: `http://127.0.0.1:${(host.server.address() as { port: number }).port}`, token: 'wrong' }, () => {});
    await expect(stranger.call('countdownCommand', { type: 'arm', planId })).rejects.toThrow(/control/i);
  });
});

describe('go / no-go on the keys', () => {
  it('shows which departments are not ready, and that the count is held for them', async () => {
    const links = await h.ok('listDepartmentLinks', undefined);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) await h.ok('setMyReadiness', { token: link.token, ready: link.name !== links[0]!.name });
    const first = links[0]!.name;
    await until(() => variableValues(connection).not_ready === first);
    expect(feedback('departmentNotReady')).toBe(true);
    expect(feedback('departmentNotReady', { department: first.toUpperCase() })).toBe(true);
    expect(feedback('departmentNotReady', { department: links[1]!.name })).toBe(false);
    expect(feedback('held')).toBe(false);

    await h.ok('setReadinessOptions', { autoHold: true, holdAtSeconds: 10 });
    await h.ok('countdownCommand', { type: 'arm', planId, rehearsal: false });
    const { deadline } = await h.ok('countdownCommand', { type: 'start' });
    h.clock.set(deadline! - 10_000);
    await until(() => feedback('held') === true);
    expect(variableValues(connection).held_for).toBe(first);

    await h.ok('setMyReadiness', { token: links[0]!.token, ready: true });
    await until(() => variableValues(connection).not_ready === '');
    expect(feedback('departmentNotReady')).toBe(false);
  });

  it('reads the board when it connects, before any change is announced', async () => {
    const links = await h.ok('listDepartmentLinks', undefined);
    for (const link of links) await h.ok('setMyReadiness', { token: link.token, ready: false });
    const late = new HostConnection({ url: `http://127.0.0.1:${(host.server.address() as { port: number }).port}`, token: 'deck-token' }, () => {});
    late.connect();
    try {
      await until(() => late.readiness !== null);
      expect(variableValues(late).not_ready).toBe(links.map((l) => l.name).join(', '));
    } finally {
      late.close();
    }
  });
});

describe('the time on a key', () => {
  it('counts down in whole seconds as the stage does, then counts the take up from GO', () => {
    const base = { planId: 1, durationMs: 90_000, startedAt: 0, endedAt: null, run: 1, warningMs: 0, dangerMs: 0, takeId: null, rehearsal: false, artist: '', song: '', message: '', saveFailure: null, hostNow: 0, boot: 'b', version: 1 };
    expect(shownTime({ ...base, phase: 'counting', deadline: 90_000, remainingMs: 90_000, goAt: null }, 500)).toBe('1:30');
    expect(shownTime({ ...base, phase: 'counting', deadline: 90_000, remainingMs: 90_000, goAt: null }, 89_001)).toBe('0:01');
    expect(shownTime({ ...base, phase: 'go', deadline: null, remainingMs: 0, goAt: 90_000 }, 151_000)).toBe('1:01');
    expect(shownTime(null, 0)).toBe('');
  });
});

describe('the module manifest', () => {
  it('passes the module base\'s own validation', async () => {
    const { validateManifest } = await import('@companion-module/base/manifest');
    const manifest = (await import('../companion/manifest.json', { with: { type: 'json' } })).default;
    expect(() => validateManifest(manifest as never, false)).not.toThrow();
  });
});

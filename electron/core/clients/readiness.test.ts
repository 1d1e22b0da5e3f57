import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../test-harness';

let h: Harness;
let planId: number;
/** Links by department name. */
let links: Map<string, string>;

beforeEach(async () => {
  h = new Harness({ demo: true });
  planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
  links = new Map((await h.ok('listDepartmentLinks', undefined)).map((l) => [l.name, l.token]));
});
afterEach(() => h.dispose());

async function allReadyBut(...notReady: string[]): Promise<void> {
  for (const [name, token] of links) await h.ok('setMyReadiness', { token, ready: !notReady.includes(name) });
}

async function armAndStart(): Promise<number> {
  await h.ok('countdownCommand', { type: 'arm', planId, rehearsal: false });
  return (await h.ok('countdownCommand', { type: 'start' })).deadline!;
}

describe('auto-hold', () => {
  it('is off until the operator turns it on: the count runs through with nobody ready', async () => {
    const deadline = await armAndStart();
    h.clock.set(deadline - 5_000);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('counting');
  });

  it('pauses at T-10 s while camera is not ready, waits for the operator, and is recorded with the take', async () => {
    await h.ok('setReadinessOptions', { autoHold: true, holdAtSeconds: 10 });
    await allReadyBut('Camera');
    const deadline = await armAndStart();
    h.clock.set(deadline - 10_000);
    const held = await h.ok('getCountdown', undefined);
    expect(held).toMatchObject({ phase: 'paused', remainingMs: 10_000 });
    expect((await h.ok('getReadiness', undefined)).hold?.waitingFor).toEqual(['Camera']);

    // Camera getting ready does not resume the count: only the operator does.
    h.clock.advance(30_000);
    await h.ok('setMyReadiness', { token: links.get('Camera')!, ready: true });
    expect((await h.ok('getCountdown', undefined)).phase).toBe('paused');
    expect((await h.ok('getMyDepartment', { token: links.get('Sound')! })).hold?.waitingFor).toEqual([]);

    await h.ok('countdownCommand', { type: 'resume' });
    expect((await h.ok('getReadiness', undefined)).hold).toBeNull();
    // Camera changing its mind after the resume does not hold this run again.
    await h.ok('setMyReadiness', { token: links.get('Camera')!, ready: false });
    h.clock.advance(10_001);
    const go = await h.ok('getCountdown', undefined);
    expect(go.phase).toBe('go');
    const log = await h.ok('getTakeReadiness', { takeId: go.takeId! });
    expect(log.map((e) => [e.kind, e.departments])).toEqual([
      ['start', 'Camera'],
      ['hold', 'Camera'],
      ['ready', 'Camera'],
      ['release', ''],
      ['not-ready', 'Camera'],
    ]);
    expect(log[1]!.at).toBe(deadline - 10_000);
    // The exports carry it too: a column in CSV, a list in JSON.
    const csv = await h.ok('exportTakes', { format: 'csv', utcOffsetMinutes: 0 });
    expect(csv.content).toContain('09:01:20 hold: Camera; 09:01:50 ready: Camera; 09:01:50 release;');
    const json = JSON.parse((await h.ok('exportTakes', { format: 'json', utcOffsetMinutes: 0 })).content) as { takes: { readiness: unknown[] }[] };
    expect(json.takes.at(-1)!.readiness).toHaveLength(5);
  });

  it('does not hold when every department is ready', async () => {
    await h.ok('setReadinessOptions', { autoHold: true, holdAtSeconds: 10 });
    await allReadyBut();
    const deadline = await armAndStart();
    h.clock.set(deadline + 1);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('go');
  });

  it('a rotated link stops working at once; the new one works', async () => {
    const camera = (await h.ok('listDepartmentLinks', undefined)).find((l) => l.name === 'Camera')!;
    const rotated = await h.ok('rotateDepartmentLink', { id: camera.id });
    expect(rotated.token).not.toBe(camera.token);
    expect((await h.refused('setMyReadiness', { token: camera.token, ready: true }, false)).code).toBe('unauthorized');
    expect((await h.call('setMyReadiness', { token: rotated.token, ready: true }, false)).ok).toBe(true);
  });

  it('a department link cannot do anything else', async () => {
    // A view-only caller (a department phone has no control token) is refused everything that changes or reveals links.
    expect((await h.refused('countdownCommand', { type: 'pause' }, false)).code).toBe('unauthorized');
    expect((await h.refused('listDepartmentLinks', {}, false)).code).toBe('unauthorized');
    expect((await h.refused('saveDepartments', { departments: [] }, false)).code).toBe('unauthorized');
  });
});

describe('a hold survives a restart', () => {
  it('comes back held, with whom it waits for; after the resume the run never holds again', async () => {
    await h.ok('setReadinessOptions', { autoHold: true, holdAtSeconds: 10 });
    await allReadyBut('Camera', 'Sound');
    const deadline = await armAndStart();
    h.clock.set(deadline - 10_000);
    const held = (await h.ok('getReadiness', undefined)).hold;
    expect(held?.waitingFor).toEqual(['Camera', 'Sound']);

    h.reopen(h.clock.now() + 60_000); // a minute later, as after a crash and a restart
    expect(await h.ok('getCountdown', undefined)).toMatchObject({ phase: 'paused', remainingMs: 10_000 });
    expect((await h.ok('getReadiness', undefined)).hold).toEqual(held);
    // A department getting ready after the restart is heard by the restored hold, on disk too.
    await h.ok('setMyReadiness', { token: links.get('Camera')!, ready: true });
    expect((await h.ok('getMyDepartment', { token: links.get('Sound')! })).hold?.waitingFor).toEqual(['Sound']);
    h.reopen();
    expect((await h.ok('getReadiness', undefined)).hold?.waitingFor).toEqual(['Sound']);

    await h.ok('countdownCommand', { type: 'resume' });
    expect((await h.ok('getReadiness', undefined)).hold).toBeNull();
    // Restarted after the resume, past the hold point, with Sound still not ready: it counts on to GO.
    h.reopen();
    expect((await h.ok('getCountdown', undefined)).phase).toBe('counting');
    expect((await h.ok('getReadiness', undefined)).hold).toBeNull();
    h.clock.advance(10_001);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('go');
  });
});

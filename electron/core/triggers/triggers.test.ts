import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerInput, TriggerResult } from '../../../shared/contract/triggers';
import { Harness, runToGo } from '../test-harness';
import { startHttpReceiver, startHyperDeck, startOscListener } from '../../../e2e/show-control/stand-ins.mjs';

let h: Harness;
let planId: number;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  h = new Harness({ demo: true });
  planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
});
afterEach(async () => {
  await h.dispose();
  for (const close of closers.splice(0)) await close();
});

/** Resolves with the next `count` trigger results the host pushes to the operator. */
function results(count: number): Promise<TriggerResult[]> {
  const seen: TriggerResult[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seen.length} of ${count} trigger results arrived`)), 5000);
    const off = h.core.events.on('triggerResult', (r) => {
      seen.push(r);
      if (seen.length === count) {
        clearTimeout(timer);
        off();
        resolve(seen);
      }
    });
  });
}

/** Waits (a few ms at most on loopback) until the receiver has what the host sent. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

async function shoot(triggers: TriggerInput[], planOverride = false): Promise<void> {
  await h.ok('saveTriggers', { planId: planOverride ? planId : null, triggers });
}

describe('OSC over UDP', () => {
  it('sends the take to the listener at GO and keeps "sent" with the take', async () => {
    const osc = await startOscListener();
    closers.push(osc.close);
    await shoot([{ name: 'Lights', event: 'go', action: { kind: 'osc', host: '127.0.0.1', port: osc.port, address: '/cuelight/go', args: ['{artist}', '{song}', '{take}', '{plan}'] } }]);
    const arrived = results(1);
    const go = await runToGo(h, planId);
    const [result] = await arrived;
    await until(() => osc.packets.length > 0);
    expect(osc.packets.map((p) => [p.address, p.args])).toEqual([['/cuelight/go', ['AKMU', 'Love Lee', 1, planId]]]);
    expect(result).toMatchObject({ status: 'sent', event: 'go', takeId: go.takeId, name: 'Lights' });
    // Never before zero: the first byte left at or after the take's GO.
    expect(result!.firedAt).toBeGreaterThanOrEqual(go.goAt!);
    expect(await h.ok('getTakeTriggers', { takeId: go.takeId! })).toEqual([expect.objectContaining({ status: 'sent', name: 'Lights' })]);
  });

  it('fires "seconds before zero" and "armed" triggers on their own moments, once', async () => {
    const osc = await startOscListener();
    closers.push(osc.close);
    const action = (address: string) => ({ kind: 'osc' as const, host: '127.0.0.1', port: osc.port, address });
    await shoot([
      { name: 'Standby', event: 'armed', action: action('/armed') },
      { name: 'Ten', event: 'before', secondsBefore: 10, action: action('/ten') },
    ]);
    const arrived = results(2);
    await h.ok('countdownCommand', { type: 'arm', planId, rehearsal: false });
    const started = await h.ok('countdownCommand', { type: 'start' });
    h.clock.set(started.deadline! - 10_000);
    const fired = await arrived;
    expect(fired.map((r) => [r.name, r.status])).toEqual([['Standby', 'sent'], ['Ten', 'sent']]);
    expect(fired[1]!.firedAt).toBe(started.deadline! - 10_000);
    h.clock.set(started.deadline! + 100);
    await until(() => osc.packets.length >= 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(osc.packets.map((p) => p.address)).toEqual(['/armed', '/ten']);
  });
});

describe('HTTP', () => {
  it('posts the JSON body filled from the take, with its headers, and keeps the answer', async () => {
    const receiver = await startHttpReceiver(204);
    closers.push(receiver.close);
    await shoot([{
      name: 'Graphics',
      event: 'go',
      action: { kind: 'http', method: 'POST', url: `http://127.0.0.1:${receiver.port}/cue/{take}`, headers: { 'X-Song': '{song}' }, body: '{"artist": "{artist}", "take": {take}}' },
    }]);
    const arrived = results(1);
    const go = await runToGo(h, planId);
    const [result] = await arrived;
    expect(receiver.requests.map((r) => [r.method, r.url, r.headers['x-song'], JSON.parse(r.body)])).toEqual([['POST', '/cue/1', 'Love Lee', { artist: 'AKMU', take: 1 }]]);
    expect(result).toMatchObject({ status: 'acknowledged', detail: 'HTTP 204 No Content', takeId: go.takeId });
  });

  it('a receiver that errors or never answers is a failed trigger, not a failed take', async () => {
    const broken = await startHttpReceiver(500);
    const silent = await startHttpReceiver(0);
    closers.push(broken.close, silent.close);
    const http = (port: number) => ({ kind: 'http' as const, url: `http://127.0.0.1:${port}/go`, timeoutMs: 100 });
    await shoot([{ name: 'Broken', event: 'go', action: http(broken.port) }, { name: 'Silent', event: 'go', action: http(silent.port) }]);
    const arrived = results(2);
    const go = await runToGo(h, planId);
    const byName = Object.fromEntries((await arrived).map((r) => [r.name, r]));
    expect(byName.Broken).toMatchObject({ status: 'failed', detail: 'HTTP 500 Internal Server Error' });
    expect(byName.Silent).toMatchObject({ status: 'failed', detail: expect.stringMatching(/no answer within 100 ms/) });
    expect((await h.ok('getTake', { id: go.takeId! })).outcome).toBe('pending');
  });
});

describe('HyperDeck', () => {
  const deckTriggers = (port: number): TriggerInput[] => [
    { name: 'Deck A rec', event: 'go', action: { kind: 'hyperdeck', host: '127.0.0.1', port, command: 'record' } },
    { name: 'Deck A stop', event: 'ended', action: { kind: 'hyperdeck', host: '127.0.0.1', port, command: 'stop' } },
  ];

  it('records a clip named from the take at GO, stops at the end, and reads back clip and timecode', async () => {
    const deck = await startHyperDeck({ startTimecode: '10:00:00:00' });
    closers.push(deck.close);
    await shoot(deckTriggers(deck.port));
    const recorded = results(1);
    const go = await runToGo(h, planId);
    expect(await recorded).toEqual([expect.objectContaining({ status: 'acknowledged', clip: 'AKMU_LOVE_LEE_T1', timecode: '10:00:00:00' })]);
    const stopped = results(1);
    await h.ok('countdownCommand', { type: 'end' });
    expect(await stopped).toEqual([expect.objectContaining({ name: 'Deck A stop', status: 'acknowledged', clip: 'AKMU_LOVE_LEE_T1.mov', timecode: '10:00:00:00' })]);
    expect(deck.commands.map((c) => c.line)).toEqual(['record: name: AKMU_LOVE_LEE_T1', 'transport info', 'stop', 'clips get']);
    const kept = await h.ok('getTakeTriggers', { takeId: go.takeId! });
    expect(kept.map((r) => [r.name, r.clip, r.timecode])).toEqual([
      ['Deck A rec', 'AKMU_LOVE_LEE_T1', '10:00:00:00'],
      ['Deck A stop', 'AKMU_LOVE_LEE_T1.mov', '10:00:00:00'],
    ]);
    // The link from take to clip goes out with the exports.
    const csv = (await h.ok('exportTakes', { format: 'csv' })).content;
    expect(csv).toContain('Deck A rec (go): acknowledged, clip AKMU_LOVE_LEE_T1 at 10:00:00:00');
    const json = JSON.parse((await h.ok('exportTakes', { format: 'json' })).content) as { takes: { id: number; triggers: { clip: string }[] }[] };
    expect(json.takes.find((t) => t.id === go.takeId)!.triggers.map((r) => r.clip)).toEqual(['AKMU_LOVE_LEE_T1', 'AKMU_LOVE_LEE_T1.mov']);
  });

  it('a deck with no disk shows as a failed trigger, pushed at once; the take is logged as usual', async () => {
    const deck = await startHyperDeck({ disk: false });
    closers.push(deck.close);
    await shoot(deckTriggers(deck.port).slice(0, 1));
    const arrived = results(1);
    const go = await runToGo(h, planId);
    expect(await arrived).toEqual([expect.objectContaining({ status: 'failed', detail: 'the deck answered 105 no disk', takeId: go.takeId })]);
    const take = await h.ok('setTakeOutcome', { id: go.takeId!, outcome: 'succeeded' });
    expect(take.outcome).toBe('succeeded');
  });

  it('a deck that is off is a failed trigger that says what to check', async () => {
    const deck = await startHyperDeck();
    const port = deck.port;
    await deck.close();
    const test = await h.ok('testTrigger', { trigger: deckTriggers(port)[0]! });
    expect(test).toMatchObject({ status: 'failed', detail: expect.stringMatching(/refused the connection/) });
  });
});

describe('a plan\'s own list', () => {
  it('replaces the shoot\'s, even when empty', async () => {
    const osc = await startOscListener();
    closers.push(osc.close);
    await shoot([{ name: 'Lights', event: 'armed', action: { kind: 'osc', host: '127.0.0.1', port: osc.port, address: '/armed' } }]);
    await h.ok('saveTriggers', { planId, override: true, triggers: [] });
    expect(await h.ok('getTriggers', { planId })).toMatchObject({ override: true, triggers: [] });
    await h.ok('countdownCommand', { type: 'arm', planId, rehearsal: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(osc.packets).toEqual([]);
    await h.ok('saveTriggers', { planId, override: false, triggers: [] });
    expect(await h.ok('getTriggers', { planId })).toMatchObject({ override: false, triggers: [expect.objectContaining({ name: 'Lights' })] });
  });
});

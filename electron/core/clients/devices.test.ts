import { describe, expect, it } from 'vitest';
import { DeviceRegistry, MAX_DEVICES, MAX_DEVICES_PER_ADDRESS, SILENT_LOST_MS } from './devices';
import { frameBudget } from '../../host/websocket';

const hello = (deviceId: string, name = 'Wing', role = 'wing') => ({ type: 'hello', deviceId, name, role });
const sync = { type: 'sync', status: 'in-sync', offsetMs: -12.5, uncertaintyMs: 1.2, roundTripMs: 3.4 };

function registry() {
  let now = 1_000;
  const devices = new DeviceRegistry(() => now);
  return { devices, advance: (ms: number) => (now += ms) };
}

describe('the set network list', () => {
  it('lists a display with its address, its own report and the operator name over its own', () => {
    const { devices } = registry();
    expect(devices.hello(1, '10.0.0.5', hello('wing-tablet-1', '윙'))).toBe(true);
    expect(devices.report(1, sync)).toBe(true);
    const [wing] = devices.list(new Map([['wing-tablet-1', 'Wing left']]));
    expect(wing).toMatchObject({ name: 'Wing left', deviceName: '윙', role: 'wing', address: '10.0.0.5', connected: true, status: 'in-sync', offsetMs: -12.5, uncertaintyMs: 1.2, roundTripMs: 3.4 });
  });

  it('shows a silent or closed display as lost, with when it was last heard', () => {
    const { devices, advance } = registry();
    devices.hello(1, '10.0.0.5', hello('stage-main-1', 'Stage', 'stage'));
    devices.report(1, sync);
    advance(SILENT_LOST_MS + 1);
    expect(devices.list(new Map())[0]).toMatchObject({ status: 'lost', connected: true, lastHeardAt: 1_000 });
    devices.leave(1);
    expect(devices.list(new Map())[0]).toMatchObject({ status: 'lost', connected: false });
    expect(devices.has('stage-main-1')).toBe(false);
  });

  it('refuses malformed frames, reports before hello, and over-long names', () => {
    const { devices } = registry();
    expect(devices.report(1, sync)).toBe(false);
    expect(devices.hello(1, 'a', { ...hello('wing-tablet-1'), name: 'x'.repeat(61) })).toBe(false);
    expect(devices.hello(1, 'a', { ...hello('wing-tablet-1'), role: 'boss' })).toBe(false);
    expect(devices.hello(1, 'a', { ...hello('wing-tablet-1'), extra: 1 })).toBe(false);
    devices.hello(1, 'a', hello('wing-tablet-1'));
    expect(devices.report(1, { ...sync, offsetMs: Number.POSITIVE_INFINITY })).toBe(false);
    expect(devices.size).toBe(1);
  });

  it('never grows past its bounds, per address and in all', () => {
    const { devices } = registry();
    for (let i = 0; i < 100; i++) devices.hello(i, '10.0.0.66', hello(`hostile-${i}-device`));
    expect(devices.size).toBe(MAX_DEVICES_PER_ADDRESS);
    // One connection that keeps changing its id leaves no trail past its address's share either.
    for (let i = 0; i < 100; i++) devices.hello(500, '10.0.0.77', hello(`churn-${i}-device`));
    expect(devices.size).toBe(2 * MAX_DEVICES_PER_ADDRESS);
    for (let i = 0; i < 1000; i++) devices.hello(1000 + i, `10.1.${i >> 8}.${i & 255}`, hello(`many-${i}-device`));
    expect(devices.size).toBe(MAX_DEVICES);
  });

  it('makes room by forgetting the longest-gone device', () => {
    const { devices, advance } = registry();
    for (let i = 0; i < MAX_DEVICES; i++) {
      devices.hello(i, `10.2.${i >> 8}.${i & 255}`, hello(`old-${i}-device`));
      devices.leave(i);
      advance(1);
    }
    expect(devices.hello(9999, '10.9.9.9', hello('newcomer-1'))).toBe(true);
    expect(devices.list(new Map()).map((d) => d.deviceId)).not.toContain('old-0-device');
  });

  it('lets a newer connection of the same device take over, and the old one closing changes nothing', () => {
    const { devices } = registry();
    devices.hello(1, 'a', hello('wing-tablet-1'));
    devices.hello(2, 'a', hello('wing-tablet-1'));
    devices.leave(1);
    expect(devices.has('wing-tablet-1')).toBe(true);
  });
});

describe('a client frame budget', () => {
  it('allows a burst, then only the steady pace', () => {
    let now = 0;
    const allow = frameBudget(() => now, 8, 2);
    const first = Array.from({ length: 20 }, allow).filter(Boolean).length;
    expect(first).toBe(8);
    now += 1000;
    expect(Array.from({ length: 20 }, allow).filter(Boolean).length).toBe(2);
  });
});

/**
 * The displays and devices on the set network, as they announced themselves. Kept in memory only
 * (the operator's names for them live in the database). Every client is a stranger: the list has
 * a fixed size, one address can hold only its share of it, and a device's frames are rate-limited
 * by the host before they get here, so no client can grow memory or work without bound.
 */
import { deviceHello, deviceSync, type Device, type DeviceRole, type DeviceSync, type JoinInfo } from '../../../shared/contract/network';

/** Far more than a set's screens and phones; past this, new devices are not listed. */
export const MAX_DEVICES = 200;
/** One address (a phone, a laptop with many tabs) cannot crowd out the rest. */
export const MAX_DEVICES_PER_ADDRESS = 16;
/** A display reports every 2 s: silence this long means its link is gone, whatever it last said. */
export const SILENT_LOST_MS = 6_000;
/** A device gone this long is dropped from the list. */
export const FORGET_AFTER_MS = 60 * 60_000;

interface Tracked {
  deviceId: string;
  deviceName: string;
  role: DeviceRole;
  address: string;
  /** The connection that announced it last; a newer tab of the same device takes over. */
  connection: number;
  connected: boolean;
  sync: DeviceSync | null;
  lastHeardAt: number;
}

export class DeviceRegistry {
  private devices = new Map<string, Tracked>();
  /** Which device each open connection announced. */
  private byConnection = new Map<number, string>();
  /** How phones reach the host: set by the host once it listens (the core knows no ports). */
  joinInfo: JoinInfo = { addresses: [], advertisedAs: null };

  constructor(private now: () => number) {}

  /** A hello frame from connection `connection`; false when it was refused (malformed, or no room). */
  hello(connection: number, address: string, frame: unknown): boolean {
    const parsed = deviceHello.safeParse(frame);
    if (!parsed.success) return false;
    const { deviceId, name, role } = parsed.data;
    const known = this.devices.get(deviceId);
    if (!known && !this.makeRoom(address)) return false;
    const previous = this.byConnection.get(connection);
    if (previous !== undefined && previous !== deviceId) this.leave(connection);
    this.byConnection.set(connection, deviceId);
    this.devices.set(deviceId, {
      deviceId,
      deviceName: name,
      role,
      address,
      connection,
      connected: true,
      sync: known?.connection === connection ? known.sync : null,
      lastHeardAt: this.now(),
    });
    return true;
  }

  /** A sync report; ignored unless this connection said hello first. */
  report(connection: number, frame: unknown): boolean {
    const tracked = this.trackedFor(connection);
    const parsed = deviceSync.safeParse(frame);
    if (!tracked || !parsed.success) return false;
    tracked.sync = parsed.data;
    tracked.lastHeardAt = this.now();
    return true;
  }

  /** A socket closed: its device stays listed as lost, with when it was last heard. */
  leave(connection: number): void {
    const tracked = this.trackedFor(connection);
    this.byConnection.delete(connection);
    if (tracked) tracked.connected = false;
  }

  has(deviceId: string): boolean {
    return this.devices.get(deviceId)?.connected ?? false;
  }

  /** Connected devices first, then by name; names come from the operator's table when given. */
  list(operatorNames: ReadonlyMap<string, string>): Device[] {
    const now = this.now();
    for (const [id, d] of this.devices) if (!d.connected && now - d.lastHeardAt > FORGET_AFTER_MS) this.devices.delete(id);
    return [...this.devices.values()]
      .map((d) => {
        const operatorName = operatorNames.get(d.deviceId) ?? '';
        const heard = d.connected && now - d.lastHeardAt <= SILENT_LOST_MS;
        return {
          deviceId: d.deviceId,
          name: operatorName || d.deviceName,
          deviceName: d.deviceName,
          operatorName,
          role: d.role,
          address: d.address,
          connected: d.connected,
          status: heard ? (d.sync?.status ?? 'unsure') : 'lost',
          offsetMs: d.sync?.offsetMs ?? null,
          uncertaintyMs: d.sync?.uncertaintyMs ?? null,
          roundTripMs: d.sync?.roundTripMs ?? null,
          lastHeardAt: d.lastHeardAt,
        } satisfies Device;
      })
      .sort((a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name) || a.deviceId.localeCompare(b.deviceId));
  }

  get size(): number {
    return this.devices.size;
  }

  private trackedFor(connection: number): Tracked | undefined {
    const id = this.byConnection.get(connection);
    const tracked = id === undefined ? undefined : this.devices.get(id);
    return tracked?.connection === connection ? tracked : undefined;
  }

  /** Room for one more device from `address`: the longest-gone device goes first, from that address when it is at its share. */
  private makeRoom(address: string): boolean {
    const fromAddress = [...this.devices.values()].filter((d) => d.address === address);
    if (fromAddress.length >= MAX_DEVICES_PER_ADDRESS) return this.forgetLongestGone(fromAddress);
    if (this.devices.size < MAX_DEVICES) return true;
    return this.forgetLongestGone(this.devices.values());
  }

  private forgetLongestGone(among: Iterable<Tracked>): boolean {
    let oldest: Tracked | null = null;
    for (const d of among) if (!d.connected && (!oldest || d.lastHeardAt < oldest.lastHeardAt)) oldest = d;
    if (!oldest) return false;
    this.devices.delete(oldest.deviceId);
    return true;
  }
}

/**
 * This page as a device on the set network: a random id kept in localStorage, a name and a role
 * typed on the device, a hello each time the events socket opens, and a report of its clock
 * every few seconds, so the console can list it with how far it is from the host's time.
 */
import { create } from 'zustand';
import { z } from 'zod';
import { DEVICE_NAME_MAX, deviceId, deviceRole, type DeviceRole } from '../../shared/contract/network';
import { clockReport } from './hostClock';
import { readStored } from './stored';
import { onSocketOpen, sendOnSocket } from './client';

const KEY = 'cuelight.device';
const storedIdentity = z.object({ deviceId, name: z.string().max(DEVICE_NAME_MAX), role: deviceRole });
/** Often enough that the console's "last heard" stays fresh; the host allows a little more. */
const REPORT_EVERY_MS = 2_000;

export interface DeviceIdentity {
  deviceId: string;
  name: string;
  role: DeviceRole;
}

function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 20);
}

function load(): DeviceIdentity {
  const saved = readStored(KEY, storedIdentity);
  // A damaged entry, or none: this device starts afresh.
  if (saved.deviceId) return { deviceId: saved.deviceId, name: saved.name ?? '', role: saved.role ?? 'stage' };
  const fresh: DeviceIdentity = { deviceId: randomId(), name: '', role: 'stage' };
  localStorage.setItem(KEY, JSON.stringify(fresh));
  return fresh;
}

export const useDevice = create<DeviceIdentity>(() => load());

/** What this page says it is for now, when that is not the device's own choice (a department's phone). */
let shownAs: { role: DeviceRole; name: string } | null = null;

function hello(): void {
  const { deviceId, name, role } = useDevice.getState();
  sendOnSocket({ type: 'hello', deviceId, name: name || (shownAs?.name ?? ''), role: shownAs?.role ?? role });
  sendOnSocket({ type: 'sync', ...clockReport() });
}

let helloTimer: ReturnType<typeof setTimeout> | undefined;

/** Changes this device's own name or role, keeps it, and tells the host once typing pauses (the host paces hellos). */
export function setDevice(change: Partial<Pick<DeviceIdentity, 'name' | 'role'>>): void {
  const next = { ...useDevice.getState(), ...change };
  next.name = next.name.slice(0, DEVICE_NAME_MAX);
  useDevice.setState(next);
  localStorage.setItem(KEY, JSON.stringify(next));
  clearTimeout(helloTimer);
  helloTimer = setTimeout(hello, 400);
}

/**
 * Announces this page for as long as it is shown. A stage link's role (?role=wing) becomes the
 * device's own; a department page shows as that department without changing the device's choice.
 */
export function announceDevice(role?: DeviceRole, visiting?: { name: string }): () => void {
  if (window.cuelight) return () => {}; // the desktop app's own windows are the host's, not the set's
  if (visiting && role) shownAs = { role, name: visiting.name.slice(0, DEVICE_NAME_MAX) };
  else if (role && role !== useDevice.getState().role) setDevice({ role });
  const offOpen = onSocketOpen(hello);
  hello();
  const timer = setInterval(() => sendOnSocket({ type: 'sync', ...clockReport() }), REPORT_EVERY_MS);
  return () => {
    offOpen();
    clearInterval(timer);
    if (visiting) shownAs = null;
  };
}

/**
 * This page's view of the host's clock: the offset estimate (see clockSync.ts), fed by the pings
 * of the one WebSocket, and how sure it is (in sync, unsure, lost) for the displays' badges.
 * Over Electron IPC the host is this machine: its wall clock is the host clock, always in sync.
 */
import { ClockSync, type ClockChange, type ClockSample } from './clockSync';

export type ClockStatus = 'in-sync' | 'unsure' | 'lost';

/** In sync means the shown time is right within one frame at 60 Hz. */
const IN_SYNC_MS = 1000 / 60;
/** No pong for this long on an open socket: the host is treated as lost. */
const SILENT_LOST_MS = 4_000;

/** The page's monotonic clock in epoch-like ms, sub-millisecond and never stepped. */
export function pageNow(): number {
  return performance.timeOrigin + performance.now();
}

let overIpc = false;
const sync = new ClockSync({ initialOffset: Date.now() - pageNow() });
const offsetListeners = new Set<() => void>();
const statusListeners = new Set<() => void>();
let linkOpen = false;
let lastPongAt = 0;
let status: ClockStatus = 'unsure';
/** The latest round trips, newest last: the report gives their median, so one slow reply does not show as the link's. */
let roundTrips: number[] = [];

/** The host's clock now, ms since the epoch. */
export function hostNow(): number {
  return overIpc ? Date.now() : pageNow() + sync.offset;
}

/** How far hostNow() may be from the host's true time; a display waits this long past a boundary. */
export function hostClockUncertainty(): number {
  return overIpc ? 0 : sync.uncertainty;
}

/** Calls back when the offset estimate moves, so a display can reschedule its next flip. */
export function onClockOffset(fn: () => void): () => void {
  offsetListeners.add(fn);
  return () => offsetListeners.delete(fn);
}

export function clockStatus(): ClockStatus {
  return status;
}

/** Calls back when the clock status changes (for useSyncExternalStore). */
export function onClockStatus(fn: () => void): () => void {
  statusListeners.add(fn);
  return () => statusListeners.delete(fn);
}

function setStatus(next: ClockStatus): void {
  if (next === status) return;
  status = next;
  statusListeners.forEach((fn) => fn());
}

function judge(): void {
  if (overIpc) return setStatus('in-sync');
  if (!linkOpen || pageNow() - lastPongAt > SILENT_LOST_MS) return setStatus('lost');
  setStatus(sync.synced && sync.uncertainty <= IN_SYNC_MS ? 'in-sync' : 'unsure');
}

/** The host is this machine, over IPC. */
export function hostIsThisMachine(): void {
  overIpc = true;
  judge();
}

/** A new socket opened: its host may be another process (restarted) or its clock set since. */
export function linkOpened(): void {
  sync.reset();
  roundTrips = [];
  linkOpen = true;
  lastPongAt = pageNow(); // give the first pong its time before calling the host lost
  judge();
}

export function linkClosed(): void {
  linkOpen = false;
  judge();
}

/** A pong: a new sample. Returns what it did, so the caller can ping again soon after a step. */
export function pongReceived(sample: ClockSample): ClockChange {
  lastPongAt = sample.t1;
  roundTrips = [...roundTrips.slice(-7), Math.max(0, sample.t1 - sample.t0)];
  const change = sync.add(sample);
  if (change !== 'none') offsetListeners.forEach((fn) => fn());
  judge();
  return change;
}

/** Re-judges a silent host; the socket calls this on its ping timer. */
export function checkLink(): void {
  judge();
}

/** What this display tells the host about its clock, for the console's list of displays. */
export function clockReport(): { status: ClockStatus; offsetMs: number; uncertaintyMs: number; roundTripMs: number | null } {
  judge();
  // Host time minus this device's wall clock: how far the device's own clock is from the host's.
  const sorted = [...roundTrips].sort((a, b) => a - b);
  const roundTripMs = sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)]!;
  return { status, offsetMs: hostNow() - Date.now(), uncertaintyMs: hostClockUncertainty(), roundTripMs };
}

/**
 * The set network: displays and devices that announce themselves over the events WebSocket, as
 * the console lists them. Frames a device sends (hello, sync) are parsed here too, so the host
 * and the page agree on their bounds.
 */
import { z } from 'zod';
import { text } from '../text';
import { method, ok } from './method';

export const DEVICE_ROLES = ['stage', 'wing', 'guest-mark', 'front-of-house', 'department'] as const;
export const deviceRole = z.enum(DEVICE_ROLES);
export type DeviceRole = z.infer<typeof deviceRole>;

export const SYNC_STATUSES = ['in-sync', 'unsure', 'lost'] as const;
export const syncStatus = z.enum(SYNC_STATUSES);
export type SyncStatus = z.infer<typeof syncStatus>;

/** A device's name, typed on the device or by the operator: short enough for a list row. */
export const DEVICE_NAME_MAX = 60;
/** Random, kept in the device's localStorage; only letters, digits, - and _. */
export const deviceId = z.string().regex(/^[\w-]{8,64}$/, 'A device id is 8 to 64 letters, digits, - or _');

/** The first frame a display sends on each socket: who it is. */
export const deviceHello = z.strictObject({
  type: z.literal('hello'),
  deviceId,
  name: text(DEVICE_NAME_MAX),
  role: deviceRole,
});
export type DeviceHello = z.infer<typeof deviceHello>;

const ms = z.number().finite().min(-1e12).max(1e12);
/** What the display's own clock estimate says, sent every few seconds. */
export const deviceSync = z.strictObject({
  type: z.literal('sync'),
  status: syncStatus,
  /** Host clock minus this device's wall clock, ms. */
  offsetMs: ms,
  uncertaintyMs: ms,
  /** The latest ping's round trip, ms; null before the first pong. */
  roundTripMs: ms.nullable(),
});
export type DeviceSync = z.infer<typeof deviceSync>;

export const device = z.object({
  deviceId: z.string(),
  /** The operator's name for it if given, else the device's own, else ''. */
  name: z.string(),
  /** The name typed on the device itself. */
  deviceName: z.string(),
  /** The operator's name for it, remembered per device id; '' when none. */
  operatorName: z.string(),
  role: deviceRole,
  address: z.string(),
  connected: z.boolean(),
  /** As the display judged itself; 'lost' when the host has not heard from it lately. */
  status: syncStatus,
  offsetMs: z.number().nullable(),
  uncertaintyMs: z.number().nullable(),
  roundTripMs: z.number().nullable(),
  lastHeardAt: z.number(),
});
export type Device = z.infer<typeof device>;

/** How phones reach this host: its addresses on the set network, and its DNS-SD name when advertised. */
export const joinInfo = z.object({
  /** Base URLs like http://192.168.1.20:4173; empty when the host listens on this machine only. */
  addresses: z.array(z.string()),
  /** The mDNS host name it is advertised under (cuelight-stage.local), or null. */
  advertisedAs: z.string().nullable(),
});
export type JoinInfo = z.infer<typeof joinInfo>;

/** The frame an operator console sends first on its socket: its token, so a rotation can close it. */
export const operatorHello = z.strictObject({ type: z.literal('operator'), token: z.string().max(200) });
/** The close code of an operator socket whose token was replaced (or never was the operator's). */
export const OPERATOR_LINK_REPLACED = 4001;

export const networkMethods = {
  getJoinInfo: method(z.strictObject({}).optional(), joinInfo, false, 'control'),
  listDevices: method(z.strictObject({}).optional(), z.array(device), false, 'control'),
  /** An empty name forgets the operator's name: the device's own shows again. */
  renameDevice: method(z.strictObject({ deviceId, name: text(DEVICE_NAME_MAX) }), ok, true),
  /** That screen shows its name full screen for a few seconds; `shown` is false when it is not connected. */
  /** A new operator token: links and open consoles with the old one stop at once; the caller gets the new one. */
  rotateOperatorToken: method(z.strictObject({}).optional(), z.object({ token: z.string() }), true),
  identifyDevice: method(z.strictObject({ deviceId }), z.object({ shown: z.boolean() }), true),
} as const;

export const networkEvents = {
  /** One display shows its name full screen; the others ignore it. */
  identify: z.object({ deviceId: z.string(), name: z.string() }),
};

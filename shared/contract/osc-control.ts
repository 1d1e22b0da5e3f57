/**
 * Control in over OSC: a stored setting (off by default, loopback unless told otherwise, senders
 * on an allow-list) that the host applies at once, and whether it is listening or why not.
 */
import { z } from 'zod';
import { method, none } from './method';

/** The port Cuelight suggests; QLab and most consoles leave it free. */
export const OSC_CONTROL_DEFAULT_PORT = 8765;
export const OSC_ALLOW_MAX = 32;

const ipAddress = z.union([z.ipv4(), z.ipv6()], { error: 'Give an IP address, like 127.0.0.1 or 192.168.1.40' });

export const oscControlSettings = z
  .strictObject({
    enabled: z.boolean(),
    port: z.number().int().min(1, 'Use a port from 1 to 65535').max(65535, 'Use a port from 1 to 65535'),
    /** 127.0.0.1: this machine only; 0.0.0.0: every network; or one of this machine's addresses. */
    bindAddress: ipAddress,
    /** Senders allowed to control; every other sender is ignored. */
    allow: z.array(ipAddress).max(OSC_ALLOW_MAX, `At most ${OSC_ALLOW_MAX} senders`),
  })
  .refine((s) => !s.enabled || s.allow.length > 0, {
    message: 'Add at least one sender address (127.0.0.1 is this machine), or nobody can control',
    path: ['allow'],
  });
export type OscControlSettings = z.output<typeof oscControlSettings>;

export const OSC_CONTROL_DEFAULTS: OscControlSettings = { enabled: false, port: OSC_CONTROL_DEFAULT_PORT, bindAddress: '127.0.0.1', allow: ['127.0.0.1'] };

/** Why the server is not listening although asked to: the UI words each one in its language. */
export const OSC_CONTROL_PROBLEMS = ['portBusy', 'noAddress', 'noPermission', 'other'] as const;
export const oscControlStatus = z.object({
  state: z.enum(['off', 'listening', 'failed']),
  problem: z.enum(OSC_CONTROL_PROBLEMS).nullable(),
  /** The system's own words for a failure ('' otherwise), for the log and for support. */
  detail: z.string(),
  /** Where it listens (or tried to). */
  port: z.number().nullable(),
  bindAddress: z.string().nullable(),
});
export type OscControlStatus = z.infer<typeof oscControlStatus>;

export const oscControl = z.object({ settings: oscControlSettings, status: oscControlStatus });
export type OscControl = z.infer<typeof oscControl>;

export const oscControlMethods = {
  /** The addresses it listens on and who may send: the operator's token only. */
  getOscControl: method(none, oscControl, false, 'control'),
  /** Stores the setting and applies it at once: the answer says whether it now listens. */
  saveOscControl: method(oscControlSettings, oscControl, true),
} as const;

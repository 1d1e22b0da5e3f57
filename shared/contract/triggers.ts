import { z } from 'zod';
import { id } from '../schemas';
import { NAME_MAX, requiredText, text } from '../text';
import { method } from './method';

/** Countdown moments a trigger can fire on. 'before' fires `secondsBefore` ahead of zero. */
export const TRIGGER_EVENTS = ['armed', 'before', 'go', 'ended', 'outcome'] as const;
export const triggerEvent = z.enum(TRIGGER_EVENTS);
export type TriggerEvent = z.infer<typeof triggerEvent>;

/** The take's fields a template may name, as `{artist}`. */
export const TEMPLATE_FIELDS = ['plan', 'artist', 'song', 'take', 'run', 'event', 'outcome', 'rehearsal'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const TEMPLATE_MAX = 2000;
const unknownField = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).find((f) => !(TEMPLATE_FIELDS as readonly string[]).includes(f));
/** Text with `{field}` placeholders; a misspelt field is refused at save, not at zero. */
const template = (max: number) =>
  text(max).refine((s) => unknownField(s) === undefined, {
    message: `Unknown field in braces: use ${TEMPLATE_FIELDS.map((f) => `{${f}}`).join(', ')}`,
  });

// A host name or IP literal; no scheme, no path (the port is its own field).
const host = requiredText(253).pipe(z.string().regex(/^[\w.:-]+$/, 'Give a host name or IP address, like 192.168.1.40'));
const port = z.number().int().min(1, 'Use a port from 1 to 65535').max(65535, 'Use a port from 1 to 65535');
const timeoutMs = z.number().int().min(50, 'Give at least 50 ms').max(30_000, 'Give at most 30 seconds').default(2000);

export const oscAction = z.strictObject({
  kind: z.literal('osc'),
  host,
  port,
  address: requiredText(200).pipe(z.string().regex(/^\/\S*$/, 'An OSC address starts with "/" and has no spaces, like /cuelight/go')),
  /** Each argument is a template; one that renders as a whole number is sent as an int, a decimal as a float. */
  args: z.array(template(200)).max(16).default([]),
});

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const httpAction = z.strictObject({
  kind: z.literal('http'),
  method: z.enum(HTTP_METHODS).default('POST'),
  url: template(TEMPLATE_MAX).pipe(z.string().regex(/^https?:\/\/[^\s/]+/, 'Give a full address starting with http:// or https://')),
  headers: z
    .record(z.string().regex(/^[!#$%&'*+.^`|~\w-]+$/, 'A header name is letters, digits and dashes').max(100), template(1000))
    .default({}),
  /** JSON with `{field}` placeholders; each is filled in as JSON-escaped text. */
  body: template(TEMPLATE_MAX).default(''),
  timeoutMs,
});

export const HYPERDECK_COMMANDS = ['record', 'stop'] as const;
export const hyperdeckAction = z.strictObject({
  kind: z.literal('hyperdeck'),
  host,
  port: port.default(9993),
  command: z.enum(HYPERDECK_COMMANDS),
  /** The clip name for `record`; letters and digits are kept, everything else becomes "_". */
  clipName: template(200).default('{artist}_{song}_T{take}'),
  timeoutMs,
});

export const triggerAction = z.discriminatedUnion('kind', [oscAction, httpAction, hyperdeckAction]);
export type TriggerAction = z.output<typeof triggerAction>;
export type TriggerKind = TriggerAction['kind'];

export const triggerInput = z
  .strictObject({
    /** Kept across saves so results stay linked; leave out for a new trigger. */
    id: id.optional(),
    name: requiredText(NAME_MAX),
    enabled: z.boolean().default(true),
    event: triggerEvent,
    secondsBefore: z.number().int().min(1, 'Give 1 second or more').max(3600, 'Give at most an hour').default(10),
    action: triggerAction,
  })
  .refine((t) => t.action.kind !== 'http' || bodyIsJson(t.action.body), {
    message: 'The body must be JSON once its {fields} are filled in: check quotes and commas',
    path: ['action', 'body'],
  });
export type TriggerInput = z.input<typeof triggerInput>;

export const trigger = z.object({
  id,
  name: z.string(),
  enabled: z.boolean(),
  event: triggerEvent,
  secondsBefore: z.number(),
  action: triggerAction,
});
export type Trigger = z.infer<typeof trigger>;

/** Whether a body template is JSON once every field is filled (as a string or, bare, as a number). */
export function bodyIsJson(body: string): boolean {
  if (body.trim() === '') return true;
  try {
    JSON.parse(body.replace(/\{\w+\}/g, '1'));
    return true;
  } catch {
    return false;
  }
}

export const TRIGGER_STATUSES = ['sent', 'acknowledged', 'failed'] as const;
export const triggerResult = z.object({
  triggerId: z.number().nullable(),
  name: z.string(),
  event: triggerEvent,
  kind: z.enum(['osc', 'http', 'hyperdeck']),
  /** sent: out on the wire, no answer expected (OSC); acknowledged: the receiver said yes; failed: see detail. */
  status: z.enum(TRIGGER_STATUSES),
  /** Why it failed, or what the receiver answered ("HTTP 204", "200 ok"). */
  detail: z.string(),
  /** Host time the first byte went out (or the attempt ended, on failure before sending). */
  firedAt: z.number(),
  /** How long after the moment it was due the first byte went out. */
  lateMs: z.number(),
  run: z.number(),
  planId: z.number().nullable(),
  takeId: z.number().nullable(),
  /** What the recorder answered: its clip's name and start timecode. */
  clip: z.string().nullable(),
  timecode: z.string().nullable(),
});
export type TriggerResult = z.infer<typeof triggerResult>;

export const triggerList = z.object({
  /** null: the shoot's list, used by every plan without its own. */
  planId: z.number().nullable(),
  /** True when this plan has its own list instead of the shoot's. */
  override: z.boolean(),
  triggers: z.array(trigger),
});
export type TriggerList = z.infer<typeof triggerList>;

export const TRIGGERS_MAX = 32;

export const triggerMethods = {
  getTriggers: method(z.strictObject({ planId: id.nullable().default(null) }).default({ planId: null }), triggerList, false),
  /** Replaces a list. For a plan, `override: false` drops its own list so it follows the shoot's again. */
  saveTriggers: method(
    z.strictObject({
      planId: id.nullable().default(null),
      override: z.boolean().default(true),
      triggers: z.array(triggerInput).max(TRIGGERS_MAX, `At most ${TRIGGERS_MAX} triggers`),
    }),
    triggerList,
    true,
  ),
  /** Fires one trigger now with a plan's fields (or sample ones), and says what happened. */
  testTrigger: method(z.strictObject({ trigger: triggerInput, planId: id.optional() }), triggerResult, true),
  getTakeTriggers: method(z.strictObject({ takeId: id }), z.array(triggerResult), false),
} as const;

/**
 * Go / no-go: the shoot's departments, each with its own link that can only say "ready" or "not
 * ready", and the countdown's auto-hold while any of them is not ready.
 */
import { z } from 'zod';
import { id } from '../schemas';
import { requiredText } from '../text';
import { method } from './method';

export const DEPARTMENT_NAME_MAX = 40;
export const DEPARTMENTS_MAX = 12;
/** A department link's token: random, 32 url-safe characters. */
export const departmentToken = z.string().regex(/^[\w-]{16,64}$/, 'This readiness link is not complete: scan or copy it again');

export const department = z.object({
  id: z.number(),
  name: z.string(),
  ready: z.boolean(),
  /** Host time it last changed; null when it never has. */
  changedAt: z.number().nullable(),
});
export type Department = z.infer<typeof department>;

export const hold = z.object({
  /** Host time the countdown held itself. */
  since: z.number(),
  /** The departments not ready, by name, as the displays say it. */
  waitingFor: z.array(z.string()),
});

export const readinessBoard = z.object({
  departments: z.array(department),
  autoHold: z.boolean(),
  /** The countdown holds itself this long before zero if anyone is not ready. */
  holdAtMs: z.number(),
  /** Set while the countdown holds for a department; cleared only by the operator's resume. */
  hold: hold.nullable(),
});
export type ReadinessBoard = z.infer<typeof readinessBoard>;

export const departmentLink = z.object({ id: z.number(), name: z.string(), token: z.string() });
export type DepartmentLink = z.infer<typeof departmentLink>;

/** What a department's own link sees: its name and state, and whether the count is held. */
export const myDepartment = z.object({ name: z.string(), ready: z.boolean(), hold: hold.nullable() });

export const READINESS_KINDS = ['ready', 'not-ready', 'start', 'hold', 'release'] as const;
export const readinessEntry = z.object({
  at: z.number(),
  /** ready / not-ready: one department changed; start: who was not ready at start; hold / release: the count. */
  kind: z.enum(READINESS_KINDS),
  /** The department's name, or for start and hold the names not ready, comma-separated. */
  departments: z.string(),
});
export type ReadinessEntry = z.infer<typeof readinessEntry>;

export const readinessMethods = {
  getReadiness: method(z.strictObject({}).optional(), readinessBoard, false),
  /** Replaces the list: a kept id keeps its link and state; a new one gets a fresh link; a dropped one's link stops working. */
  saveDepartments: method(
    z.strictObject({
      departments: z
        .array(z.strictObject({ id: id.optional(), name: requiredText(DEPARTMENT_NAME_MAX) }))
        .max(DEPARTMENTS_MAX, `At most ${DEPARTMENTS_MAX} departments`),
    }),
    readinessBoard,
    true,
  ),
  setReadinessOptions: method(
    z.strictObject({
      autoHold: z.boolean(),
      holdAtSeconds: z.number().int().min(1, 'Hold at least 1 second before zero').max(600, 'Hold at most 10 minutes before zero'),
    }),
    readinessBoard,
    true,
  ),
  /** The departments' links: needs the operator's token, as each link is a key. */
  listDepartmentLinks: method(z.strictObject({}).optional(), z.array(departmentLink), false, 'control'),
  /** A new link for a department: the old one stops working at once. */
  rotateDepartmentLink: method(z.strictObject({ id }), departmentLink, true),
  /** A department's own page: what its link may see. */
  getMyDepartment: method(z.strictObject({ token: departmentToken }), myDepartment, false, 'department'),
  /** A department's own page: the one thing its link may change. */
  setMyReadiness: method(z.strictObject({ token: departmentToken, ready: z.boolean() }), myDepartment, true, 'department'),
  /** Who was ready when, and every hold, in one take's run. */
  getTakeReadiness: method(z.strictObject({ takeId: id }), z.array(readinessEntry), false),
} as const;

export const readinessEvents = {
  readiness: readinessBoard,
};

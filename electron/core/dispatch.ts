import { methods } from '../../shared/api';
import type { CallContext, Envelope, MethodName } from '../../shared/api';
import { describeZodError } from '../../shared/api';
import { CuelightError } from './errors';
import type { Core } from './core';

/** A read-only store's one way out: restoring a backup. */
const ALLOWED_WHILE_READ_ONLY: ReadonlySet<MethodName> = new Set(['restoreBackup']);

function isMethod(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

/** Validates, runs and wraps one call. Every answer is an envelope; no stack crosses the boundary. */
export async function dispatch(core: Core, name: string, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>> {
  if (!isMethod(name)) return { ok: false, error: { code: 'not_found', message: `Unknown method "${name}"` } };
  const spec = methods[name];
  if (spec.mutates && !context.canControl) {
    return { ok: false, error: { code: 'unauthorized', message: 'This display is view-only: open the link with the control token to make changes' } };
  }
  if (spec.mutates && core.readOnly && !ALLOWED_WHILE_READ_ONLY.has(name)) {
    const message = 'Nothing was saved: the database failed its start-up check and is open read-only. Restore the newest good backup (banner at the top, or Settings → Backups), then try again';
    return { ok: false, error: { code: 'read_only', message } };
  }
  if (spec.mutates && core.restoring) {
    return { ok: false, error: { code: 'conflict', message: 'Nothing was saved: a backup is being restored. Try again in a moment' } };
  }
  const parsed = spec.input.safeParse(rawInput ?? undefined);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const handler = core.api[name] as (input: unknown, context: CallContext) => unknown;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof CuelightError) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
    }
    console.error(`${name} failed:`, error);
    const next = core.readOnly ? 'The database is damaged and open read-only: restore the newest good backup' : 'Nothing was changed; try again';
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${(error as Error).message}. ${next}.` } };
  }
}

import { methods } from '../../shared/api';
import { needsControl } from '../../shared/contract/method';
import type { CallContext, Envelope, MethodName } from '../../shared/api';
import { describeZodError } from '../../shared/api';
import { CuelightError, refusal } from './errors';
import type { ApiError } from '../../shared/api';
import type { Core } from './core';
import { PARSED_IN_WORKER, UnreadJson } from './unread-json';

/** The input as the handler takes it: checked here, or left to the method's worker. */
function readInput(name: MethodName, rawInput: unknown): { ok: true; input: unknown } | { ok: false; error: ApiError } {
  // The host leaves only these bodies unread (body.ts), so an UnreadJson is always the worker's.
  if (rawInput instanceof UnreadJson && PARSED_IN_WORKER.has(name)) return { ok: true, input: rawInput };
  const parsed = methods[name].input.safeParse(rawInput ?? undefined);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, error: describeZodError(parsed.error) };
}

/**
 * Show-time calls, answered as soon as they are committed and announced: their sync follows off
 * the loop (Core.syncSoon), so a disk that stalls (300 ms here at times) never holds the operator's
 * Pause or a department's go / no-go. A power cut in that moment can lose the last one; a crash of
 * the app cannot (the page cache has it). Everything else answers once it is on disk.
 */
const ANSWERED_BEFORE_SYNC: ReadonlySet<MethodName> = new Set(['countdownCommand', 'setStageMessage', 'setMyReadiness']);

/** A read-only store's one way out: restoring a backup. */
const ALLOWED_WHILE_READ_ONLY: ReadonlySet<MethodName> = new Set(['restoreBackup']);

function isMethod(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

/** Validates, runs and wraps one call. Every answer is an envelope; no stack crosses the boundary. */
export async function dispatch(core: Core, name: string, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>> {
  if (!isMethod(name)) return { ok: false, error: { code: 'not_found', message: `Unknown method "${name}"` } };
  const spec = methods[name];
  if (needsControl(spec) && !context.canControl) {
    return { ok: false, error: envelopeOf(refusal('unauthorized', 'err.viewOnly')) };
  }
  if (spec.mutates && core.readOnly && !ALLOWED_WHILE_READ_ONLY.has(name)) {
    return { ok: false, error: envelopeOf(refusal('read_only', 'err.readOnly')) };
  }
  const saveFailure = spec.mutates && name !== 'countdownCommand' ? core.saveFailure() : null;
  if (saveFailure !== null) {
    return { ok: false, error: envelopeOf(refusal('read_only', 'err.diskFailing', { params: { reason: saveFailure } })) };
  }
  if (spec.mutates && core.restoring) {
    return { ok: false, error: envelopeOf(refusal('conflict', 'err.restoring')) };
  }
  const parsed = readInput(name, rawInput);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  // Any other change goes first: an import being written rolls back and starts over after it.
  if (spec.mutates && name !== 'importPlans') core.yieldWrites();
  try {
    const handler = core.api[name] as (input: unknown, context: CallContext) => unknown;
    const returned = handler(parsed.input, context);
    // A change's sync is the last thing before its answer: awaited only when the handler is async.
    const value: unknown = returned instanceof Promise ? await returned : returned;
    let unsynced: string | null = null;
    if (spec.mutates && ANSWERED_BEFORE_SYNC.has(name)) core.syncSoon();
    else if (spec.mutates) unsynced = await syncFailure(core);
    if (unsynced !== null) {
      console.error(`${name}: the disk did not confirm the change: ${unsynced}`);
      return { ok: false, error: envelopeOf(refusal('internal', 'err.diskUnconfirmed', { params: { reason: unsynced } })) };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CuelightError) return { ok: false, error: envelopeOf(error) };
    console.error(`${name} failed:`, error);
    const next = core.readOnly ? 'The database is damaged and open read-only: restore the newest good backup' : 'Nothing was changed; try again';
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${(error as Error).message}. ${next}.` } };
  }
}

/** A change answers once it is on disk (synced off the loop): null then, or why the disk refused. */
async function syncFailure(core: Core): Promise<string | null> {
  try {
    await core.durable();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A refusal as it crosses the boundary: the English message, and the key a screen words it from. */
function envelopeOf(error: CuelightError): ApiError {
  return {
    code: error.code,
    message: error.message,
    ...(error.field ? { field: error.field } : {}),
    ...(error.key ? { key: error.key, params: error.params ?? {} } : {}),
  };
}

import type { ErrorCode } from '../../shared/api';
import type { RefusalKey, RefusalParams } from '../../shared/i18n/refusal';
import { refusalText } from '../../shared/i18n/refusal';

/** An error a person can act on; crosses the process boundary as an envelope, never a stack. */
export class CuelightError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** The catalogue key the message was worded from, so a screen can word it in its language. */
    readonly key?: RefusalKey,
    readonly params?: RefusalParams,
  ) {
    super(message);
  }
}

/**
 * A refusal worded from the catalogue (shared/i18n/areas/errors.ts): the English text is the
 * message, and the key travels with it. `field` names the input at fault; with `prefixField`
 * the message starts with it ("toMs: …"), as input errors do.
 */
export function refusal(
  code: ErrorCode,
  key: RefusalKey,
  options: { params?: RefusalParams; field?: string; prefixField?: boolean } = {},
): CuelightError {
  const text = refusalText('en', key, options.params);
  const message = options.field && options.prefixField ? `${options.field}: ${text}` : text;
  return new CuelightError(code, message, options.field, key, options.params);
}

export type Thing = 'plan' | 'take' | 'mark' | 'person' | 'artist' | 'venue' | 'department';

export function notFound(what: Thing, id: number, field?: string): CuelightError {
  return refusal('not_found', 'err.notFound', { params: { what, id }, ...(field ? { field } : {}) });
}

import type { ErrorCode } from '../../shared/api';

/** An error a person can act on; crosses the process boundary as an envelope, never a stack. */
export class CuelightError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function notFound(what: string, id: number, field?: string): CuelightError {
  return new CuelightError('not_found', `${what} ${id} does not exist (it may have been removed); pick another`, field);
}

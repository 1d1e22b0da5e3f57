import type { TriggerResult } from '../../../shared/contract/triggers';

/** What a fired action reports: when its first byte went out, and what came back. */
export interface ActionOutcome {
  status: TriggerResult['status'];
  detail: string;
  /** Host time the first byte was written; null when nothing could be sent. */
  sentAt: number | null;
  clip?: string | null;
  timecode?: string | null;
}

/**
 * An action made ready ahead of its moment: payload rendered and connection open, so firing is
 * only a write. `fire` writes its first bytes before it returns (HTTP on the next tick).
 */
export interface ArmedAction {
  fire(): Promise<ActionOutcome>;
  /** Closes what was opened for a moment that will not come (pause, reset). */
  dispose(): void;
}

export function failed(detail: string, sentAt: number | null = null): ActionOutcome {
  return { status: 'failed', detail, sentAt };
}

/** A network error as a person on set reads it. */
export function describeNetworkError(error: unknown, target: string): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `${target} refused the connection: is the device on and listening on that port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${target} was not found: check the host name or IP address`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${target} cannot be reached: check the network cable and address`;
    case 'ECONNRESET':
      return `${target} closed the connection`;
    default:
      return `${target}: ${e.message}`;
  }
}

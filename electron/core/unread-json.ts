/**
 * A request body not yet parsed: the bytes of a big upload (a plans file), which only a worker
 * reads, so JSON-parsing megabytes never happens on the countdown's loop. A method that cannot
 * take it off the loop has it parsed there as usual (see dispatch).
 */
/**
 * Methods whose big body is sent on unread and parsed and checked by the method's worker against
 * the same schema (workers/plan-import.worker.ts); the host reads them with the big body limit.
 */
export const PARSED_IN_WORKER: ReadonlySet<string> = new Set(['importPlans']);

export class UnreadJson {
  /** `bytes` owns its buffer, so it can be moved (not copied) to a worker. */
  constructor(readonly bytes: Uint8Array) {}

  /** Parses on this thread; undefined for an empty body; throws on bad JSON. */
  parse(): unknown {
    const text = new TextDecoder().decode(this.bytes);
    return text.trim() === '' ? undefined : JSON.parse(text);
  }
}

/** What a client sent that is not JSON: the same words wherever it is found. */
export const NOT_JSON = 'The request body must be JSON';

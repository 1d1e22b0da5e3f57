/**
 * An answer a worker already wrote as JSON (UTF-8 bytes), so the loop that runs the countdown
 * never serialises it: the HTTP host writes the bytes as they are, and Electron's IPC copies them
 * as one block for the preload to read (electron/shell/ipc-answer.ts). Big exports travel this way.
 */
export class SerialisedAnswer<T> {
  /** Type only: what the bytes decode to. */
  declare readonly answerOf: T;
  constructor(readonly json: Uint8Array) {}
}

/**
 * Reads take turns, so the countdown never waits behind them. A countdown command or any other
 * change is answered the moment it arrives; a read waits in this queue, which answers reads for
 * at most READ_TURN_MS per turn of the event loop, then lets timers (GO) and new requests in.
 * Connections take turns one read each, so a client asking as fast as it can queues behind
 * itself, not in front of everyone else.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';

/** The longest the queue answers reads in one turn of the loop. */
export const READ_TURN_MS = 4;

type Read = () => Promise<void>;

/** Resolves at the next turn of the loop: a read that waits on a worker or the disk gives the turn back. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ReadQueue {
  /** Each connection's waiting reads, connections in the order of their turn. */
  private waiting = new Map<object, Read[]>();
  private draining = false;

  constructor(private readonly turnMs = READ_TURN_MS) {}

  /** Queues a read from `connection`; it runs in a later turn of the loop. */
  add(connection: object, read: Read): void {
    const reads = this.waiting.get(connection);
    if (reads) reads.push(read);
    else this.waiting.set(connection, [read]);
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => void this.drain());
    }
  }

  private async drain(): Promise<void> {
    let turnEnds = performance.now() + this.turnMs;
    while (this.waiting.size > 0) {
      if (performance.now() >= turnEnds) {
        await nextTurn();
        turnEnds = performance.now() + this.turnMs;
      }
      const [connection, reads] = this.waiting.entries().next().value!;
      const read = reads.shift()!;
      // The connection goes to the back of the line: one read per connection per round.
      this.waiting.delete(connection);
      if (reads.length > 0) this.waiting.set(connection, reads);
      const done = read().catch(() => {});
      // A read answered from memory finishes within this turn; one waiting on more gives the turn back.
      const waited = await Promise.race([done.then(() => false), nextTurn().then(() => true)]);
      if (waited) turnEnds = performance.now() + this.turnMs;
    }
    this.draining = false;
  }
}

import net from 'node:net';

/** One answer from a HyperDeck: "200 ok", or "208 transport info:" with its parameter lines. */
export interface DeckReply {
  code: number;
  text: string;
  params: Record<string, string>;
  lines: string[];
}

interface Waiting {
  resolve(reply: DeckReply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A connection to a HyperDeck's Ethernet protocol (TCP 9993): line-oriented text, one reply per
 * command in order, 5xx lines arriving on their own at any time. Kept open between takes, since
 * older decks accept one controller at a time.
 */
export class DeckConnection {
  private socket: net.Socket;
  private buffer = '';
  private pending: DeckReply | null = null;
  private waiting: Waiting[] = [];
  private closedWith: Error | null = null;
  readonly ready: Promise<void>;

  constructor(readonly host: string, readonly port: number) {
    this.socket = net.connect(port, host);
    this.socket.setNoDelay(true);
    this.socket.setEncoding('utf8');
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.ready.catch(() => {}); // a deck that is off is reported when a command is sent
    this.socket.on('data', (chunk: string) => this.read(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('the deck closed the connection')));
  }

  get alive(): boolean {
    return this.closedWith === null;
  }

  get connected(): boolean {
    return this.alive && this.socket.readyState === 'open';
  }

  /** Writes one command now (queued by the socket until connected) and waits for its reply. */
  send(command: string, timeoutMs: number): Promise<DeckReply> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the deck did not answer "${command}" within ${timeoutMs} ms`));
        this.close(); // replies would now pair with the wrong commands
      }, timeoutMs);
      this.waiting.push({ resolve, reject, timer });
      this.socket.write(`${command}\r\n`);
    });
  }

  close(): void {
    this.fail(new Error('the connection to the deck was closed'));
    this.socket.destroy();
  }

  private fail(error: Error): void {
    if (!this.closedWith) this.closedWith = error;
    for (const w of this.waiting.splice(0)) {
      clearTimeout(w.timer);
      w.reject(error);
    }
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (this.pending) {
      if (line === '') return this.finish(this.pending);
      this.pending.lines.push(line);
      const colon = line.indexOf(':');
      if (colon > 0) this.pending.params[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      return;
    }
    const match = /^(\d{3}) (.*)$/.exec(line);
    if (!match) return;
    const reply: DeckReply = { code: Number(match[1]), text: match[2]!.replace(/:$/, ''), params: {}, lines: [] };
    // "NNN text:" is followed by parameter lines up to a blank line.
    if (match[2]!.endsWith(':')) this.pending = reply;
    else this.finish(reply);
  }

  private finish(reply: DeckReply): void {
    this.pending = null;
    if (reply.code >= 500) return; // asynchronous notices (connection info, slot changes)
    if (reply.code === 120) return this.fail(new Error('the deck rejected the connection: another controller holds it'));
    const next = this.waiting.shift();
    if (!next) return;
    clearTimeout(next.timer);
    next.resolve(reply);
  }
}

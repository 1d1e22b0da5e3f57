import type { z } from 'zod';
import type { Clock } from '../clock';
import type { hyperdeckAction } from '../../../shared/contract/triggers';
import { type TakeFields, clipName } from './fields';
import { type ActionOutcome, type ArmedAction, describeNetworkError, failed } from './action';
import { DeckConnection, type DeckReply } from './hyperdeck-connection';

type HyperdeckAction = z.output<typeof hyperdeckAction>;

/** The decks' connections, one per address, kept open across takes; and what each last recorded. */
export class DeckPool {
  private decks = new Map<string, DeckConnection>();
  private recording = new Map<string, string>();

  get(host: string, port: number): DeckConnection {
    const key = `${host}:${port}`;
    const existing = this.decks.get(key);
    if (existing?.alive) return existing;
    const deck = new DeckConnection(host, port);
    this.decks.set(key, deck);
    return deck;
  }

  noteRecording(deck: DeckConnection, clip: string): void {
    this.recording.set(`${deck.host}:${deck.port}`, clip);
  }

  lastRecording(deck: DeckConnection): string | undefined {
    return this.recording.get(`${deck.host}:${deck.port}`);
  }

  close(): void {
    for (const deck of this.decks.values()) deck.close();
    this.decks.clear();
  }
}

const refused = (reply: DeckReply) => `the deck answered ${reply.code} ${reply.text}`;

/** "205 clips info" lines are "{id}: {name} {start timecode} {duration}"; the newest clip with our name wins. */
function findClip(reply: DeckReply, name: string): { clip: string; timecode: string } | null {
  for (const line of [...reply.lines].reverse()) {
    const match = /^\d+:\s+(.+?)\s+(\d\d:\d\d:\d\d[:;]\d\d)\s+\d\d:\d\d:\d\d[:;]\d\d$/.exec(line);
    if (match && match[1]!.replace(/\.\w+$/, '').startsWith(name)) return { clip: match[1]!, timecode: match[2]! };
  }
  return null;
}

async function record(pool: DeckPool, deck: DeckConnection, clip: string, timeoutMs: number, sentAt: () => number): Promise<ActionOutcome> {
  const answer = deck.send(`record: name: ${clip}`, timeoutMs);
  const at = sentAt();
  const reply = await answer;
  if (reply.code !== 200) return { ...failed(refused(reply), at), clip };
  pool.noteRecording(deck, clip);
  // The timecode the deck shows just after it started: the clip's start, as near as the protocol says while recording.
  const info = await deck.send('transport info', timeoutMs).catch(() => null);
  const timecode = info?.code === 208 ? (info.params['display timecode'] ?? info.params.timecode ?? null) : null;
  return { status: 'acknowledged', detail: `${reply.code} ${reply.text}`, sentAt: at, clip, timecode };
}

async function stop(pool: DeckPool, deck: DeckConnection, timeoutMs: number, sentAt: () => number): Promise<ActionOutcome> {
  const answer = deck.send('stop', timeoutMs);
  const at = sentAt();
  const reply = await answer;
  if (reply.code !== 200) return failed(refused(reply), at);
  const name = pool.lastRecording(deck);
  // Once stopped, the clip is on the timeline with its start timecode.
  const clips = name ? await deck.send('clips get', timeoutMs).catch(() => null) : null;
  const found = clips?.code === 205 && name ? findClip(clips, name) : null;
  return { status: 'acknowledged', detail: `${reply.code} ${reply.text}`, sentAt: at, clip: found?.clip ?? name ?? null, timecode: found?.timecode ?? null };
}

/** `record: name: …` or `stop` on a connection opened ahead; the answer and the clip are read back. */
export function armHyperdeck(action: HyperdeckAction, fields: TakeFields, clock: Clock, pool: DeckPool, test = false): ArmedAction {
  const deck = pool.get(action.host, action.port);
  const target = `HyperDeck ${action.host}:${action.port}`;
  const clip = clipName(action.clipName, fields);
  return {
    async fire() {
      let at: number | null = deck.connected ? clock.now() : null;
      const sentAt = () => (at ??= clock.now());
      try {
        if (!deck.connected) {
          await deck.ready;
          sentAt();
        }
        if (test) {
          // A test asks the deck how it is; it never starts or stops a recording.
          const info = await deck.send('transport info', action.timeoutMs);
          if (info.code !== 208) return failed(refused(info), sentAt());
          return { status: 'acknowledged', detail: `208 transport info: ${info.params.status ?? 'unknown'}, slot ${info.params['slot id'] ?? 'none'}`, sentAt: sentAt(), clip: null, timecode: info.params['display timecode'] ?? null };
        }
        return action.command === 'record' ? await record(pool, deck, clip, action.timeoutMs, sentAt) : await stop(pool, deck, action.timeoutMs, sentAt);
      } catch (error) {
        return failed(describeNetworkError(error, target), at);
      }
    },
    dispose() {}, // the deck's connection stays open for the next take
  };
}

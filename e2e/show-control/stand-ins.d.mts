import type { Socket } from 'node:dgram';

/** Types for ./stand-ins.mjs (plain JS, so the benchmark can run it without a TypeScript step). */
export declare const preciseNow: () => number;
export declare function reanchor(): void;

interface Closable {
  port: number;
  close(): Promise<void>;
}

export interface OscPacket {
  at: number;
  address: string;
  args: unknown[];
}
export declare function startOscListener(): Promise<Closable & { packets: OscPacket[] }>;

export interface ReceivedRequest {
  at: number;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
export declare function startHttpReceiver(status?: number): Promise<Closable & { requests: ReceivedRequest[] }>;

export interface DeckCommand {
  at: number;
  line: string;
}
export declare function startHyperDeck(options?: { disk?: boolean; startTimecode?: string }): Promise<
  Closable & { commands: DeckCommand[]; clips: { name: string; start: string }[] }
>;

export declare function boundUdp(sockets: Socket[], port?: number, address?: string): Promise<Socket>;
export declare function freeUdpPort(): Promise<number>;

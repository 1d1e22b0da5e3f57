/**
 * A dress rehearsal of show control inside the firing thread: one trigger of each kind fired at
 * receivers this thread opens on loopback. The first GO after start would otherwise run Node's
 * socket, HTTP and OSC code for the first time and pay for compiling it: measured, its first bytes
 * left 2–6 ms late where later GOs were under 1 ms. Nothing leaves the machine, and nothing is stored.
 */
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import type { Clock } from '../clock';
import type { TriggerAction } from '../../../shared/contract/triggers';
import { SAMPLE_FIELDS } from './fields';
import { armAction } from './arm';
import { DeckPool } from './hyperdeck';
import type { ActionOutcome } from './action';

/** Each receiver answers at once; a rehearsal that still hangs is given up (its sockets closed). */
const REHEARSAL_TIMEOUT_MS = 1_000;

interface Stage {
  actions: TriggerAction[];
  close(): void;
}

/** A UDP port, an HTTP server and a deck that answers every command "200 ok", on loopback. */
async function openStage(): Promise<Stage> {
  const udp = dgram.createSocket('udp4');
  const web = http.createServer((request, response) => request.resume().on('end', () => response.writeHead(204).end()));
  const deck = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.write('500 connection info:\r\nprotocol version: 1.11\r\n\r\n');
    socket.on('data', () => socket.write('200 ok\r\n'));
  });
  await Promise.all([
    new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => deck.listen(0, '127.0.0.1', resolve)),
  ]);
  const port = (server: net.Server) => (server.address() as net.AddressInfo).port;
  return {
    actions: [
      { kind: 'osc', host: '127.0.0.1', port: udp.address().port, address: '/cuelight/rehearsal', args: ['{artist}', '{take}'] },
      { kind: 'http', method: 'POST', url: `http://127.0.0.1:${port(web)}/rehearsal`, headers: {}, body: '{"take": {take}}', timeoutMs: REHEARSAL_TIMEOUT_MS },
      { kind: 'hyperdeck', host: '127.0.0.1', port: port(deck), command: 'record', clipName: '{artist}_{song}_T{take}', timeoutMs: REHEARSAL_TIMEOUT_MS },
    ],
    close() {
      udp.close();
      web.closeAllConnections();
      web.close();
      deck.close();
    },
  };
}

/** Fires one trigger of each kind, armed ahead as a real moment is; resolves with their outcomes. */
export async function rehearse(clock: Clock): Promise<ActionOutcome[]> {
  const stage = await openStage();
  const decks = new DeckPool();
  try {
    const armed = stage.actions.map((action) => armAction({ action }, SAMPLE_FIELDS, clock, decks, true));
    // As at a real moment: the connections opened ahead have had time to open.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return await Promise.all(armed.map((action) => action.fire()));
  } finally {
    decks.close();
    stage.close();
  }
}

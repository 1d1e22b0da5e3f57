import dgram from 'node:dgram';
import net from 'node:net';
import { encode, Message } from 'node-osc';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { oscAction } from '../../../shared/contract/triggers';
import { type TakeFields, oscArgument, render } from './fields';
import { type ArmedAction, describeNetworkError, failed } from './action';

type OscAction = z.output<typeof oscAction>;

/**
 * The packet is encoded by node-osc ahead of time; it goes out on our own connected UDP socket,
 * which sends at once (node-osc's Client sends from an unbound socket through an address lookup).
 */
export function armOsc(action: OscAction, fields: TakeFields, clock: Clock, connectAhead: boolean): ArmedAction {
  const target = `OSC ${action.host}:${action.port}`;
  const packet = Buffer.from(encode(new Message(action.address, ...action.args.map((a) => oscArgument(render(a, fields))))));
  const socket = dgram.createSocket(net.isIPv6(action.host) ? 'udp6' : 'udp4');
  let state: 'unconnected' | 'connecting' | 'connected' = connectAhead ? 'connecting' : 'unconnected';
  let socketError: Error | null = null;
  socket.on('error', (error) => (socketError = error));
  if (connectAhead) socket.connect(action.port, action.host, () => (state = 'connected'));
  const close = () => {
    try {
      socket.close();
    } catch {
      // already closed
    }
  };
  return {
    fire() {
      return new Promise((resolve) => {
        if (socketError) {
          close();
          resolve(failed(describeNetworkError(socketError, target)));
          return;
        }
        let sentAt = clock.now();
        const done = (error: Error | null) => {
          close();
          resolve(error ? failed(describeNetworkError(error, target), sentAt) : { status: 'sent', detail: `${packet.length} bytes to ${action.address}`, sentAt });
        };
        if (state === 'connected') socket.send(packet, done);
        else if (state === 'unconnected') socket.send(packet, action.port, action.host, done);
        else {
          // Still resolving the host: the packet leaves the moment the socket is connected.
          socket.once('connect', () => {
            sentAt = clock.now();
            socket.send(packet, done);
          });
          socket.once('error', (error) => done(error));
        }
      });
    },
    dispose: close,
  };
}

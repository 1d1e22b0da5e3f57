/**
 * The firing thread: show control's sockets live here, and a moment's first bytes leave on this
 * thread's own timer, so however busy the host's loop is (readers, imports, a GC pause) it cannot
 * make a trigger late.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FireThreadData, ToFireThread } from './fire-protocol';
import { createFiring } from './firing';

const port = parentPort!;
const handle = createFiring((workerData as FireThreadData).selfTimed, (message) => port.postMessage(message), true);
port.on('message', (message: ToFireThread) => {
  handle(message);
  if (message.type === 'close') port.close();
});

// Runs one of the never-late bench's loads in its own process, so the bench's measuring client
// (its WebSocket and its commands) is never slowed by the load it generates: only the host is.
// Protocol (IPC): the parent sends { load, options }; the child answers { started }; on { stop }
// it ends the load and answers { stopped, error? }.
import os from 'node:os';
import { loads } from './never-late-loads.mjs';

// On set the load comes from other machines (phones, tablets, an office's laptops) with CPUs of their
// own; here it shares the host's two cores. At the lowest priority it gets whatever CPU the host
// leaves, so what the bench sees is the host's own work for the load, not the generator's.
os.setPriority(os.constants.priority.PRIORITY_LOW);

let stop = null;
// The bench went away (finished, failed or killed): so does its load.
process.on('disconnect', () => process.exit(0));
process.on('message', async (message) => {
  if (message.load) {
    stop = loads[message.load](message.options);
    process.send({ started: true });
  } else if (message.stop) {
    try {
      await stop?.();
      process.send({ stopped: true });
    } catch (error) {
      process.send({ stopped: true, error: String(error?.message ?? error) });
    }
    setImmediate(() => process.exit(0));
  }
});

// Runs one of the never-late bench's loads in its own process, so the bench's measuring client
// (its WebSocket and its commands) is never slowed by the load it generates: only the host is.
// Protocol (IPC): the parent sends { load, options }; the child answers { started }; on { stop }
// it ends the load and answers { stopped, error? }.
import { loads } from './never-late-loads.mjs';

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

// Runs one of the loads in never-late-loads.mjs in its own process, so a bench's measuring client
// is never slowed by the load it makes: only the host is. Used by the never-late and triggers benches.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts a load in its own process (see never-late-load-child.mjs); resolves to how it is scheduled
 * and its stop, which resolves to the requests the load completed (undefined for a load that counts none).
 */
export async function startLoad(load, options) {
  const child = fork(path.join(HERE, 'never-late-load-child.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const reply = (key) => new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (!message[key]) return;
      child.off('message', onMessage);
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the ${load} load's process exited (${code})`)));
  });
  const started = reply('started');
  child.send({ load, options });
  const { scheduling } = await started;
  const stop = async () => {
    const stopped = reply('stopped');
    child.send({ stop: true });
    return (await stopped).rounds;
  };
  return { scheduling, stop };
}

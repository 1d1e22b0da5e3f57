// Runs one of the never-late bench's loads in its own process, so the bench's measuring client
// (its WebSocket and its commands) is never slowed by the load it generates: only the host is.
// Protocol (IPC): the parent sends { load, options }; the child answers { started, scheduling };
// on { stop } it ends the load and answers { stopped, rounds?, error? } (rounds: requests completed).
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { loads } from './never-late-loads.mjs';

// On set the load comes from other machines (phones, tablets, an office's laptops) with CPUs of their
// own; here it shares the host's two cores. It runs under SCHED_IDLE (every thread, by chrt), so it
// gets only the CPU the host and the bench leave, and a host thread that wakes takes the core at
// once: what the bench sees is the host's own work for the load, not the generator's. nice 19
// alone (BENCH_LOAD_SCHED=nice, or where chrt is missing) still takes a share: 50 readers then
// stalled a bare loop beside the host 15-34 ms on this VM.
os.setPriority(os.constants.priority.PRIORITY_LOW);
const scheduling = process.env.BENCH_LOAD_SCHED === 'nice' ? 'nice 19' : idleScheduling();

function idleScheduling() {
  try {
    execFileSync('chrt', ['--idle', '--all-tasks', '--pid', '0', String(process.pid)], { stdio: 'ignore' });
    return 'SCHED_IDLE';
  } catch {
    return 'nice 19 (chrt failed)';
  }
}

let stop = null;
// The bench went away (finished, failed or killed): so does its load.
process.on('disconnect', () => process.exit(0));
process.on('message', async (message) => {
  if (message.load) {
    stop = loads[message.load](message.options);
    process.send({ started: true, scheduling });
  } else if (message.stop) {
    try {
      const rounds = await stop?.();
      process.send({ stopped: true, rounds });
    } catch (error) {
      process.send({ stopped: true, error: String(error?.message ?? error) });
    }
    setImmediate(() => process.exit(0));
  }
});

// When each trigger's first byte reached its receiver's socket, timed by the kernel: tcpdump on
// the loopback interface stamps each packet as the network stack hands it on, on the wall clock
// (CLOCK_REALTIME, microseconds), the clock of the host's deadlines. A receiver process only
// notices its packet once the scheduler runs it; on a busy 2-core machine that adds a millisecond or
// more that is the receiver's, not the sender's. Needs tcpdump and the right to capture (root or
// CAP_NET_RAW); without them `startWireCapture` says why, and the bench says so.
import { spawnSync } from 'node:child_process';
import { spawnTracked } from './proc.mjs';

/** One packet with a payload, as captured: `at` is wall-clock ms with microseconds. */
// { at: number, proto: 'udp' | 'tcp', srcPort: number, dstPort: number, length: number }

const LINE = /^(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): (UDP|Flags \[[^\]]*\]).*\blength (\d+)/;

/** Parses one line of `tcpdump -n -tt --time-stamp-precision=micro`; null for anything else or an empty segment. */
export function parseWireLine(line) {
  const match = LINE.exec(line);
  if (!match) return null;
  const length = Number(match[5]);
  if (length === 0) return null; // handshakes and bare acks carry no first byte
  return { at: Number(match[1]) * 1000, proto: match[4] === 'UDP' ? 'udp' : 'tcp', srcPort: Number(match[2]), dstPort: Number(match[3]), length };
}

/**
 * Captures packets with a payload sent on loopback to `udpPorts` / `tcpPorts`. Resolves once
 * tcpdump is listening, with `packets` (filled as they come) and `stop()`; or `{ unavailable }`
 * saying why it cannot run.
 */
export async function startWireCapture({ udpPorts = [], tcpPorts = [] }) {
  if (spawnSync('tcpdump', ['--version'], { stdio: 'ignore' }).status !== 0) return { unavailable: 'tcpdump is not installed (apt-get install tcpdump)' };
  const filter = [...udpPorts.map((p) => `(udp and dst port ${p})`), ...tcpPorts.map((p) => `(tcp and dst port ${p})`)].join(' or ');
  const child = spawnTracked('tcpdump', ['-i', 'lo', '-n', '-tt', '-l', '--time-stamp-precision=micro', '-B', '4096', filter]);
  const packets = [];
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) {
      const packet = parseWireLine(line);
      if (packet) packets.push(packet);
    }
  });
  const started = await new Promise((resolve) => {
    let err = '';
    const timer = setTimeout(() => resolve(`tcpdump did not start listening: ${err.trim()}`), 5_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      err += chunk;
      if (/listening on lo/.test(err)) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(`tcpdump could not capture on lo (${err.trim().split('\n').pop()}): run the bench as root or grant it CAP_NET_RAW`);
    });
  });
  if (started !== true) {
    child.kill('SIGKILL');
    return { unavailable: started };
  }
  return {
    packets,
    /** Waits until every packet up to now is read (tcpdump prints each as it captures, line-buffered). */
    settle: () => new Promise((resolve) => setTimeout(resolve, 100)),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

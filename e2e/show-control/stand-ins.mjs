// Receivers that speak the real protocols on loopback, for the trigger tests and the bench:
// a UDP port decoding OSC (node-osc), an HTTP server, and a HyperDeck stand-in speaking its
// Ethernet protocol (TCP, line-oriented, status codes). Each notes when a packet's first byte
// arrived, on a wall clock refined to fractions of a millisecond.
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import { decode } from 'node-osc';

/**
 * performance.now() anchored to the moment Date.now() ticks. A preempted read makes an anchor
 * too small, so the largest of a few is the truest (to microseconds).
 */
function anchor(tries = 5) {
  let best = -Infinity;
  for (let i = 0; i < tries; i++) {
    const start = Date.now();
    let now = start;
    while (now === start) now = Date.now();
    best = Math.max(best, now - performance.now());
  }
  return best;
}
let ORIGIN = anchor();
/** Anchors again (a few ms of spinning): the two clocks drift apart slowly, so measure near a fresh anchor. */
export function reanchor() {
  ORIGIN = anchor();
}
/** Wall-clock ms with microseconds, on the same clock as the host's deadlines (Date.now()). */
export const preciseNow = () => ORIGIN + performance.now();

export async function startOscListener() {
  const socket = dgram.createSocket('udp4');
  const packets = [];
  socket.on('message', (buffer) => {
    const at = preciseNow();
    const message = decode(buffer);
    packets.push({ at, address: message.address, args: message.args.map((a) => a.value ?? a) });
  });
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, packets, close: () => new Promise((resolve) => socket.close(resolve)) };
}

/** Answers every request with `status` (or never, with status 0), noting method, headers and body. */
export async function startHttpReceiver(status = 200) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const entry = { at: req.socket.firstByteAt ?? preciseNow(), method: req.method, url: req.url, headers: req.headers, body: '' };
    req.socket.firstByteAt = undefined;
    requests.push(entry);
    req.setEncoding('utf8');
    req.on('data', (chunk) => (entry.body += chunk));
    req.on('end', () => {
      if (status === 0) return; // a receiver that never answers
      res.writeHead(status).end();
    });
  });
  // The first byte of a request on a connection opened ahead arrives here before the parser runs.
  server.on('connection', (socket) => socket.prependListener('data', () => (socket.firstByteAt ??= preciseNow())));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A HyperDeck on loopback: greets with "500 connection info", records clips with the names it is
 * given (or answers "105 no disk"), reports transport info and the clip list as the protocol does.
 */
export async function startHyperDeck({ disk = true, startTimecode = '01:00:00:00' } = {}) {
  const commands = [];
  const clips = [];
  let recording = null;
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    socket.write('500 connection info:\r\nprotocol version: 1.11\r\nmodel: HyperDeck Studio HD Plus\r\n\r\n');
    let buffer = '';
    let firstByteAt = null;
    socket.on('data', (chunk) => {
      firstByteAt ??= preciseNow();
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        commands.push({ at: firstByteAt, line });
        firstByteAt = buffer.length > 0 ? preciseNow() : null;
        socket.write(answer(line));
      }
    });
    socket.on('error', () => {});
  });
  function answer(line) {
    const record = /^record: name: (.+)$/.exec(line);
    if (record || line === 'record') {
      if (!disk) return '105 no disk\r\n';
      recording = { name: `${record ? record[1] : 'Clip'}.mov`, start: startTimecode };
      return '200 ok\r\n';
    }
    if (line === 'stop') {
      if (recording) clips.push(recording);
      recording = null;
      return '200 ok\r\n';
    }
    if (line === 'transport info') {
      const status = recording ? 'record' : 'stopped';
      const tc = recording ? recording.start : startTimecode;
      return `208 transport info:\r\nstatus: ${status}\r\nspeed: 0\r\nslot id: ${disk ? 1 : 'none'}\r\ndisplay timecode: ${tc}\r\ntimecode: ${tc}\r\nclip id: ${recording ? clips.length + 1 : 'none'}\r\nvideo format: 1080p25\r\nloop: false\r\n\r\n`;
    }
    if (line === 'clips get') {
      const rows = clips.map((c, i) => `${i + 1}: ${c.name} ${c.start} 00:03:25:00\r\n`).join('');
      return `205 clips info:\r\nclip count: ${clips.length}\r\n${rows}\r\n`;
    }
    return '100 syntax error\r\n';
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    commands,
    clips,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}

/** A UDP socket bound on loopback (127.0.0.2 is another loopback address on Linux), kept in `sockets` to close. */
export async function boundUdp(sockets, port = 0, address = '127.0.0.1') {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  await new Promise((resolve) => socket.bind(port, address, resolve));
  return socket;
}

/** A UDP port free right now: bound by a socket that is then closed. */
export async function freeUdpPort() {
  const socket = dgram.createSocket('udp4');
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise((resolve) => socket.close(() => resolve()));
  return port;
}

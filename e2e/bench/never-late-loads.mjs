// The loads the never-late bench puts on the host while a countdown runs to GO. Each load is
// `start(host) -> stop()`: start begins the pressure at once, stop ends it and resolves when every
// piece of it has let go (to the requests it completed, for the loads that repeat them). Sizes come
// from env knobs (see never-late.bench.mjs).
import http from 'node:http';
import net from 'node:net';

/** A plans CSV of about `bytes` bytes: many artists, dancers and venues, as a season's file would have. */
export function plansCsv(rows) {
  const lines = ['artist,artistAlt,song,songLength,venue,shootDate,callTime,countdown,warning,danger,dancers,guests,notes,status,runOrder'];
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `Artist ${i % 3000},,Song number ${i},3:${String(i % 60).padStart(2, '0')},Venue ${i % 80},2027-01-${day},14:30,1:30,1:00,0:10,` +
        `Dancer ${i % 400}|Dancer ${(i + 7) % 400},Guest ${i % 90},In-ears for the band,draft,${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POST /api/<method> as JSON; resolves {status, body}; never rejects (a refused load is still load). */
export function call(url, method, input, { token, keepAlive = true, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const body = typeof input === 'string' ? input : JSON.stringify(input ?? {});
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request(`${url}/api/${method}`, { method: 'POST', headers, agent: keepAlive ? agent : false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: 0, body: String(error) }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, body: String(error) }));
    req.end(body);
  });
}

/** Runs `once` again and again until stopped; stop waits for the round in flight, then resolves to the rounds done. */
function repeat(once) {
  let stopped = false;
  let rounds = 0;
  const loop = (async () => {
    while (!stopped) {
      await once();
      rounds++;
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return rounds;
  };
}

/** Stops every repeat; resolves to their rounds, summed. */
async function stopAll(stops) {
  const rounds = await Promise.all(stops.map((stop) => stop()));
  return rounds.reduce((sum, n) => sum + n, 0);
}

export const loads = {
  idle: () => async () => {},

  import_dry: ({ url, token, csv }) =>
    repeat(async () => {
      const result = await call(url, 'importPlans', { format: 'csv', content: csv, dryRun: true }, { token });
      if (result.status !== 200) throw new Error(`the dry run failed: ${result.status} ${result.body.slice(0, 300)}`);
    }),

  /** One real import, held until it commits (it starts over each time a command writes first). */
  import: ({ url, token, csv }) => {
    const done = call(url, 'importPlans', { format: 'csv', content: csv }, { token, timeoutMs: 600_000 });
    return async () => {
      const result = await done;
      if (result.status !== 200) throw new Error(`the real import failed: ${result.status} ${result.body.slice(0, 300)}`);
    };
  },

  export: ({ url, token }) => repeat(() => call(url, 'exportPlans', { format: 'csv' }, { token })),

  /** Strangers' uploads: 12 MB bodies without a token, `count` at a time, again and again. */
  bodies: ({ url, bodies }) => {
    const body = `{"text":"${'x'.repeat(12_000_000 - 12)}"}`;
    const stops = Array.from({ length: bodies }, () => repeat(() => call(url, 'setStageMessage', body, { keepAlive: false })));
    return () => stopAll(stops);
  },

  /** Displays and scripts reading as fast as the host answers. */
  readers: ({ url, readers }) => {
    const stops = Array.from({ length: readers }, (_, i) => repeat(() => call(url, i % 2 ? 'listPlans' : 'getCountdown', {})));
    return () => stopAll(stops);
  },

  /** Connections that send a request line and then a header byte a second, never finishing. */
  slow: ({ url, slow }) => {
    const { hostname, port } = new URL(url);
    const sockets = [];
    for (let i = 0; i < slow; i++) {
      const socket = net.connect(Number(port), hostname, () => socket.write('POST /api/listPlans HTTP/1.1\r\nHost: x\r\n'));
      socket.on('error', () => {});
      sockets.push(socket);
    }
    const drip = setInterval(() => sockets.forEach((s) => s.writable && s.write('X')), 1000);
    return async () => {
      clearInterval(drip);
      sockets.forEach((s) => s.destroy());
    };
  },
};

import { test, expect } from '@playwright/test';
import net from 'node:net';
import { authorized, request, residentMb, startHostProcess, streamBody, type HostProcess } from './host-process';

// Bounded work per client: a body is refused by its size and the caller's token before it is
// read, big uploads take turns, and one address cannot hold every connection. No browser needed.

const MB = 1024 * 1024;
let host: HostProcess;
test.beforeAll(async () => {
  host = await startHostProcess(['--demo']);
});
test.afterAll(async () => {
  await host.stop();
});

test('a change without the token is refused (401) before its body is read', async () => {
  const upload = streamBody(host.url, { path: '/api/importPlans', headers: { 'content-type': 'application/json' }, total: 12_000_000, holdAfter: 0 });
  const reply = await upload.reply;
  expect(reply).toMatchObject({ status: 401, sent: 0 });
  expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', key: 'err.viewOnly' } });
});

test('a body declared larger than its method allows is refused (413) before it is read', async () => {
  // 1 MB is far more than a settings change needs, though a plan import may be ten times that.
  const small = await streamBody(host.url, { path: '/api/updateSettings', headers: authorized, total: MB, holdAfter: 0 }).reply;
  expect(small).toMatchObject({ status: 413, sent: 0 });
  expect(JSON.parse(small.body)).toMatchObject({ error: { key: 'err.host.tooLarge' } });
  const huge = await streamBody(host.url, { path: '/api/importPlans', headers: authorized, total: 13 * MB, holdAfter: 0 }).reply;
  expect(huge).toMatchObject({ status: 413, sent: 0 });
});

test('a chunked body is counted as it streams and cut off at the limit', async () => {
  const reply = await streamBody(host.url, { path: '/api/updateSettings', headers: authorized, total: null, chunkedLimit: 8 * MB }).reply;
  expect(reply.status).toBe(413);
  // The host stopped reading a little past 256 KB; the client could not push all 8 MB.
  expect(reply.sent).toBeLessThan(8 * MB);
});

test('only two big uploads are read at once; the next is asked to retry later (503)', async () => {
  const first = streamBody(host.url, { path: '/api/importPlans', headers: authorized, total: 5 * MB, holdAfter: 64 * 1024 });
  const second = streamBody(host.url, { path: '/api/importPlans', headers: authorized, total: 5 * MB, holdAfter: 64 * 1024 });
  // Both held uploads are in: a small call still gets through.
  await expect.poll(async () => (await streamBody(host.url, { path: '/api/importPlans', headers: authorized, total: 5 * MB, holdAfter: 0 }).reply).status).toBe(503);
  const third = await streamBody(host.url, { path: '/api/importPlans', headers: authorized, total: 5 * MB, holdAfter: 0 }).reply;
  expect(third.status).toBe(503);
  expect(JSON.parse(third.body)).toMatchObject({ ok: false, error: { key: 'err.host.uploadBusy' } });
  expect((await request(host.url, { path: '/api/listPlans', body: '{}' })).status).toBe(200);
  // A finished (here: abandoned) upload frees its slot.
  first.abort();
  second.abort();
  await expect.poll(async () => {
    const next = streamBody(host.url, { path: '/api/importPlans', headers: authorized, total: 5 * MB, holdAfter: 0 });
    const answered = await Promise.race([next.reply, new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
    next.abort();
    return answered === null ? 'reading' : answered.status;
  }).toBe('reading');
});

test('30 parallel 12 MB bodies without the token are refused unread: memory stays flat and other calls are answered', async () => {
  const before = residentMb(host.pid);
  const uploads = Array.from({ length: 30 }, () =>
    streamBody(host.url, { path: '/api/importPlans', headers: { 'content-type': 'application/json' }, total: 12_000_000 }).reply,
  );
  const meanwhile = await request(host.url, { path: '/api/listPlans', body: '{}' });
  expect(meanwhile.status).toBe(200);
  const replies = await Promise.all(uploads);
  expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 401));
  // The host answered each before the client could push its whole body.
  for (const reply of replies) expect(reply.sent).toBeLessThan(12_000_000);
  const grown = residentMb(host.pid) - before;
  console.log(`30 x 12 MB unauthenticated: host memory grew ${grown.toFixed(1)} MB; the most any client pushed before its answer: ${(Math.max(...replies.map((reply) => reply.sent)) / MB).toFixed(1)} MB`);
  expect(grown).toBeLessThan(40);
});

/** Opens `count` connections from loopback; `first` is written on each once it connects. */
async function connections(port: number, count: number, first = ''): Promise<net.Socket[]> {
  const held: net.Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    if (first) socket.write(first);
    held.push(socket);
  }
  return held;
}

const closedSoon = (socket: net.Socket) => new Promise<boolean>((resolve) => {
  if (socket.destroyed) return resolve(true);
  socket.once('close', () => resolve(true));
  setTimeout(() => resolve(false), 5_000);
});

test('128 slow or idle connections from one address cannot lock out its next request: the oldest idle one gives way', async () => {
  // A slowloris: request lines with headers never finished.
  const slow = await connections(host.port, 128, 'POST /api/listPlans HTTP/1.1\r\nHost: x\r\n');
  const answer = await request(host.url, { path: '/api/listPlans', body: '{}' });
  expect(answer.status).toBe(200);
  expect(await closedSoon(slow[0]!)).toBe(true); // the oldest gave way
  expect(slow.slice(2).every((socket) => !socket.destroyed)).toBe(true); // the rest were left alone
  slow.forEach((socket) => socket.destroy());
});

test('one address cannot hold more than 128 connections in requests; the host answers again once they end', async () => {
  // Each is inside a request: its headers are in, its body is awaited.
  const head = `POST /api/setStageMessage HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nAuthorization: ${authorized.authorization}\r\nContent-Length: 100\r\n\r\n`;
  const held = await connections(host.port, 128, head);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the host has seen each request's headers
  const extra = net.connect(host.port, '127.0.0.1');
  const refused = await new Promise<boolean>((resolve) => {
    extra.once('close', () => resolve(true));
    extra.on('error', () => resolve(true));
    extra.once('connect', () => extra.write(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`));
    extra.once('data', () => resolve(false));
  });
  expect(refused).toBe(true);
  expect(held.every((socket) => !socket.destroyed)).toBe(true);
  held.forEach((socket) => socket.destroy());
  await expect.poll(async () => (await request(host.url, { path: '/api/listPlans', body: '{}' }).catch(() => ({ status: 0 }))).status).toBe(200);
});

test('a client that sends half its headers and stops is disconnected; it does not hold a connection for long', async () => {
  test.setTimeout(40_000);
  const slow = net.connect(host.port, '127.0.0.1');
  slow.on('error', () => {});
  slow.resume();
  await new Promise((resolve) => slow.once('connect', resolve));
  slow.write(`POST /api/listPlans HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
  const opened = Date.now();
  await new Promise((resolve) => slow.once('close', resolve));
  // Headers get 10 s; Node's own default leaves such a client a full minute.
  expect(Date.now() - opened).toBeLessThan(20_000);
});

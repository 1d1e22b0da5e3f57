import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Harness } from '../core/test-harness';
import { OPERATOR_LINK_REPLACED } from '../../shared/contract/network';
import type { createHost } from './server';
import { startTestHost } from './test-host';

let h: Harness;
let host: ReturnType<typeof createHost>;
let base: string;

afterEach(async () => {
  await host?.close();
  await h?.dispose();
});

async function start(token?: string): Promise<void> {
  h = new Harness({ demo: true });
  ({ host, base } = await startTestHost(h.core, token, h.dataDir));
}

const post = (method: string, token: string, body: unknown = {}) =>
  fetch(`${base}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A socket that has presented `token` as an operator console (or none: a stage display); resolves once open. */
async function socket(token?: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/ws`, { origin: base });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  if (token !== undefined) ws.send(JSON.stringify({ type: 'operator', token }));
  return { ws, closed };
}

/** Lets the host read frames already sent. */
const settle = async () => {
  const probe = await socket();
  probe.ws.send(JSON.stringify({ type: 'ping', t0: 1 }));
  await new Promise((resolve) => probe.ws.once('message', resolve));
  probe.ws.close();
};

describe("rotating the operator's token", () => {
  it('stops the old token at once, over HTTP and on every open console, and the new one controls', async () => {
    await start();
    const old = h.core.operatorLink.current();
    const rotating = await socket(old);
    const other = await socket(old);
    const stage = await socket();
    await settle();

    const answer = await post('rotateOperatorToken', old);
    expect(answer.status).toBe(200);
    const { token } = ((await answer.json()) as { value: { token: string } }).value;
    expect(token).not.toBe(old);
    expect(await rotating.closed).toBe(OPERATOR_LINK_REPLACED);
    expect(await other.closed).toBe(OPERATOR_LINK_REPLACED);
    expect(stage.ws.readyState).toBe(WebSocket.OPEN); // a stage display is not an operator: it watches on

    expect((await post('countdownCommand', old, { type: 'reset' })).status).toBe(401);
    expect((await post('countdownCommand', token, { type: 'reset' })).status).toBe(200);
    // A console opened later with the old link is told at once; one with the new link stays.
    const late = await socket(old);
    expect(await late.closed).toBe(OPERATOR_LINK_REPLACED);
    const fresh = await socket(token);
    await settle();
    expect(fresh.ws.readyState).toBe(WebSocket.OPEN);
    fresh.ws.close();
    stage.ws.close();

    // The desktop app's own window calls over IPC, trusted by its sender check, never by this token.
    expect((await h.call('listDepartmentLinks', {}, true)).ok).toBe(true);

    // Kept in the database: the next start serves the new token, not the old one.
    h.reopen();
    expect(h.core.operatorLink.current()).toBe(token);
  });

  it('a backup restored after a rotation does not bring the old token back', async () => {
    await start();
    const old = h.core.operatorLink.current();
    const backup = await h.ok('backupNow', undefined);
    const { token } = await h.ok('rotateOperatorToken', {});
    await h.ok('restoreBackup', { name: backup.name });
    expect((await post('listDepartmentLinks', old)).status).toBe(401);
    h.reopen();
    expect(h.core.operatorLink.current()).toBe(token);
  });

  it('needs the operator token: a view-only caller cannot rotate it', async () => {
    await start();
    expect((await post('rotateOperatorToken', 'a-guess')).status).toBe(401);
  });

  it('is refused, saying what to do, on a host started with --token', async () => {
    await start('fixed-token');
    const answer = await post('rotateOperatorToken', 'fixed-token');
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'conflict', message: expect.stringContaining('restart it with a new --token') });
    expect((await post('countdownCommand', 'fixed-token', { type: 'reset' })).status).toBe(200);
  });
});

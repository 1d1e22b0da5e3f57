import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DB_FILE } from '../core/db/open';
import { serveDemoForEachTest } from './test-host';

const served = serveDemoForEachTest('secret');

const post = (method: string, body: string) =>
  fetch(`${served.base}/api/${method}`, { method: 'POST', body, headers: { authorization: 'Bearer secret', 'content-type': 'application/json' } });

const CSV = 'artist,song,countdown\n악뮤,사랑 노래 "앙코르",1:30\nIU,Love wins all,0:45\n';

describe('a big answer written in a worker, over HTTP', () => {
  it('arrives as the usual envelope with its length, Hangul and quotes intact', async () => {
    expect((await (await post('importPlans', JSON.stringify({ format: 'csv', content: CSV }))).json()) as object).toMatchObject({ ok: true, value: { imported: 2 } });
    const response = await post('exportPlans', '{"format":"csv"}');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const envelope = JSON.parse(text) as { ok: true; value: { filename: string; content: string } };
    expect(envelope.value.filename).toBe('cuelight-plans.csv');
    expect(envelope.value.content).toContain('악뮤,"사랑 노래 ""앙코르"""');
  });

  it('exports the takes the same way', async () => {
    const envelope = (await (await post('exportTakes', '{"format":"json","utcOffsetMinutes":540}')).json()) as { ok: true; value: { content: string } };
    expect(JSON.parse(envelope.value.content)).toMatchObject({ count: expect.any(Number), takes: expect.any(Array) });
  });

  it('refuses a takes export naming an artist that does not exist, saying which field', async () => {
    const response = await post('exportTakes', '{"format":"csv","utcOffsetMinutes":0,"artistId":99999}');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found', field: 'artistId' } });
  });
});

describe('an import body read by its worker, not by the loop', () => {
  it('refuses a body that is not JSON, and one that breaks the contract by field, as a parsed one would be', async () => {
    const notJson = await post('importPlans', '{"format":"csv", content');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The request body must be JSON' } });
    const noFormat = await post('importPlans', JSON.stringify({ content: CSV }));
    expect(noFormat.status).toBe(400);
    expect(await noFormat.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'format' } });
  });
});

describe('the plan list served to many readers', () => {
  const plans = async () => ((await (await post('listPlans', '{}')).json()) as { value: { song: string }[] }).value.map((p) => p.song);

  it('shows each change at once, whichever connection wrote it', async () => {
    const before = await plans();
    expect(await plans()).toEqual(before);
    await post('createPlan', JSON.stringify({ artist: { name: 'IU' }, song: 'Holssi', countdownMs: 30_000 }));
    expect(await plans()).toContain('Holssi');
    // Another connection's commit (as an import's or a restore's is) shows too.
    const other = new Database(path.join(served.h.dataDir, DB_FILE));
    other.prepare("UPDATE plans SET song = 'Holssi (live)' WHERE song = 'Holssi'").run();
    other.close();
    expect(await plans()).toContain('Holssi (live)');
  });
});

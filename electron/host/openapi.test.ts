import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api';
import { serveDemoForEachTest } from './test-host';

const served = serveDemoForEachTest('secret');

type Doc = {
  openapi: string;
  paths: Record<string, { post: { security: unknown[]; requestBody: { content: Record<string, { schema: Record<string, unknown> }> } } }>;
  components: { schemas: Record<string, unknown> };
};

describe('GET /api/openapi.json', () => {
  it('describes every contract method as OpenAPI 3.1, from the same schemas the host validates with', async () => {
    const response = await fetch(`${served.base}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(methodNames.map((m) => `/api/${m}`).sort());
    // A method that changes the countdown needs the token; a read does not.
    expect(doc.paths['/api/countdownCommand']!.post.security).toEqual([{ controlToken: [] }]);
    expect(doc.paths['/api/getCountdown']!.post.security).toContainEqual({});
    const save = doc.paths['/api/saveTriggers']!.post.requestBody.content['application/json']!.schema;
    expect(save).toMatchObject({ type: 'object', required: ['triggers'], properties: { triggers: { type: 'array', maxItems: 32 } } });
    expect(JSON.stringify(save)).toContain('"hyperdeck"');
    expect(doc.components.schemas).toHaveProperty('Event_triggerResult');
  });

  it('is what an HTTP tool needs to drive the host: the described call works with the token', async () => {
    const doc = (await (await fetch(`${served.base}/api/openapi.json`)).json()) as Doc;
    expect(doc.paths['/api/listPlans']).toBeDefined();
    const plans = await fetch(`${served.base}/api/listPlans`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer secret' } });
    expect(((await plans.json()) as { ok: boolean }).ok).toBe(true);
  });
});

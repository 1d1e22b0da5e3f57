import { test, expect } from './fixtures';
import { startHost, type Host } from './host';

/** What GET /api publishes for one method's input. */
interface Described {
  name: string;
  input: { properties: Record<string, Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> }> };
}

let host: Host;
let described: Map<string, Described['input']>;

test.beforeAll(async () => {
  host = await startHost();
  const reply = (await (await fetch(`${host.url}/api`)).json()) as { value: Described[] };
  described = new Map(reply.value.map((m) => [m.name, m.input]));
});
test.afterAll(async () => host.stop());

test('the published schema states the lengths the host enforces', async () => {
  const person = described.get('createPerson')!.properties;
  expect([person.name!.maxLength, person.nameAlt!.maxLength, person.contact!.maxLength]).toEqual([120, 120, 4000]);
  const plan = described.get('updatePlan')!.properties.plan!.properties!;
  expect([plan.song!.maxLength, plan.notes!.maxLength]).toEqual([120, 4000]);
  expect(described.get('setStageMessage')!.properties.text!.maxLength).toBe(200);
  expect(described.get('updateSettings')!.properties.crewName!.maxLength).toBe(120);
  expect(described.get('createPlan')!.properties.shootDate).toMatchObject({ format: 'date' });

  // The host refuses one character more than the schema states, and accepts exactly as many.
  const tooLong = await host.call('setStageMessage', { text: 'x'.repeat(201) });
  expect(tooLong.error).toMatchObject({ field: 'text' });
  expect((await host.call('setStageMessage', { text: 'x'.repeat(200) })).ok).toBe(true);
});

test('impossible dates, lone surrogates and invisible names are refused over HTTP, naming the field', async () => {
  const date = await host.call('createPlan', { artist: { name: 'AKMU' }, song: 'Love Lee', shootDate: '2026-02-30' });
  expect(date.error).toMatchObject({ code: 'invalid_input', field: 'shootDate' });
  expect(date.error!.message).toMatch(/no such day/);
  // JSON.stringify writes a lone surrogate as a \ud83d escape: the host must not store it as U+FFFD.
  const broken = await host.call('createPerson', { name: 'Kang \ud83d Da-eun' });
  expect(broken.error).toMatchObject({ code: 'invalid_input', field: 'name' });
  const invisible = await host.call('createVenue', { name: '\u200b' });
  expect(invisible.error).toMatchObject({ code: 'invalid_input', field: 'name' });
  expect((await host.call<unknown[]>('listPeople')).value).toEqual([]);
});

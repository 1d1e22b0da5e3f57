import type { Trigger, TriggerInput, TriggerKind } from '../../../shared/contract/triggers';

/** A trigger as the form edits it: every kind's fields at once, arguments and headers as lines. */
export interface TriggerDraft {
  key: number;
  id?: number | undefined;
  name: string;
  enabled: boolean;
  event: Trigger['event'];
  secondsBefore: number;
  kind: TriggerKind;
  host: string;
  port: number;
  address: string;
  args: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: string;
  body: string;
  timeoutMs: number;
  command: 'record' | 'stop';
  clipName: string;
}

let nextKey = 1;

export function newDraft(): TriggerDraft {
  return {
    key: nextKey++,
    name: '',
    enabled: true,
    event: 'go',
    secondsBefore: 10,
    kind: 'osc',
    host: '127.0.0.1',
    port: 53000,
    address: '/cuelight/go',
    args: '{artist}\n{song}\n{take}',
    method: 'POST',
    url: 'http://127.0.0.1:8080/cue',
    headers: '',
    body: '{"artist": "{artist}", "song": "{song}", "take": {take}}',
    timeoutMs: 2000,
    command: 'record',
    clipName: '{artist}_{song}_T{take}',
  };
}

export function toDraft(t: Trigger): TriggerDraft {
  const base = { ...newDraft(), id: t.id, name: t.name, enabled: t.enabled, event: t.event, secondsBefore: t.secondsBefore, kind: t.action.kind };
  const a = t.action;
  if (a.kind === 'osc') return { ...base, host: a.host, port: a.port, address: a.address, args: a.args.join('\n') };
  if (a.kind === 'http') {
    const headers = Object.entries(a.headers).map(([k, v]) => `${k}: ${v}`).join('\n');
    return { ...base, method: a.method, url: a.url, headers, body: a.body, timeoutMs: a.timeoutMs };
  }
  return { ...base, host: a.host, port: a.port, command: a.command, clipName: a.clipName, timeoutMs: a.timeoutMs };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function fromDraft(d: TriggerDraft): TriggerInput {
  const common = { ...(d.id ? { id: d.id } : {}), name: d.name, enabled: d.enabled, event: d.event, secondsBefore: d.secondsBefore };
  if (d.kind === 'osc') return { ...common, action: { kind: 'osc', host: d.host, port: d.port, address: d.address, args: lines(d.args) } };
  if (d.kind === 'http') {
    const headers = Object.fromEntries(lines(d.headers).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
    return { ...common, action: { kind: 'http', method: d.method, url: d.url, headers, body: d.body, timeoutMs: d.timeoutMs } };
  }
  return { ...common, action: { kind: 'hyperdeck', host: d.host, port: d.port, command: d.command, clipName: d.clipName, timeoutMs: d.timeoutMs } };
}

import type { TemplateField, TriggerEvent } from '../../../shared/contract/triggers';

/** The take's fields a trigger's templates are filled from. */
export interface TakeFields {
  plan: number;
  artist: string;
  song: string;
  /** The take's number; null for a rehearsal (rendered "R"). */
  take: number | null;
  run: number;
  event: TriggerEvent;
  outcome: string;
  rehearsal: boolean;
}

/** What a test fires with when no plan is chosen. */
export const SAMPLE_FIELDS: TakeFields = {
  plan: 0,
  artist: 'MAMAMOO',
  song: 'HIP',
  take: 1,
  run: 0,
  event: 'go',
  outcome: 'pending',
  rehearsal: false,
};

function valueOf(fields: TakeFields, field: TemplateField): string | number | boolean {
  if (field === 'take') return fields.take ?? 'R';
  return fields[field];
}

/** Fills `{field}` placeholders; `escape` makes each value safe where it lands (a URL, say). */
export function render(template: string, fields: TakeFields, escape: (value: string) => string = (v) => v): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(fields, name) ? escape(String(valueOf(fields, name as TemplateField))) : whole,
  );
}

/**
 * Fills a JSON body: inside a string a value is escaped as JSON string content; outside one it is
 * written as a JSON value ({take} as a number, {artist} as a quoted string).
 */
export function renderJson(template: string, fields: TakeFields): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === '\\' && inString) {
      out += ch + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    const match = ch === '{' ? /^\{(\w+)\}/.exec(template.slice(i)) : null;
    if (match && Object.hasOwn(fields, match[1]!)) {
      const value = valueOf(fields, match[1] as TemplateField);
      out += inString ? JSON.stringify(String(value)).slice(1, -1) : JSON.stringify(value);
      i += match[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** An OSC argument: a whole number is sent as an int, a decimal as a float, anything else as text. */
export function oscArgument(rendered: string): string | number {
  if (/^-?\d{1,9}$/.test(rendered)) return Number(rendered);
  if (/^-?\d*\.\d+$/.test(rendered)) return Number(rendered);
  return rendered;
}

/** A recorder's clip name: letters and digits kept (Hangul too), the rest "_", Latin upper-cased. */
export function clipName(template: string, fields: TakeFields): string {
  const name = render(template, fields)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .toLocaleUpperCase('en');
  return name.slice(0, 64) || 'CUELIGHT';
}

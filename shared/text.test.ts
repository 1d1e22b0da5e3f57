import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { describeZodError, methodNames, methods } from './api';
import { describeRefusal } from './i18n/refusal';
import { calendarDate } from './schemas';
import { NAME_MAX, requiredText, text } from './text';

const refusalOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return describeZodError(result.error);
};

describe('typed text', () => {
  const name = z.object({ name: requiredText(NAME_MAX), nameAlt: text(NAME_MAX).optional() });

  it('keeps what people really type: NFD Hangul as NFC, emoji, joiners inside a name', () => {
    expect(name.parse({ name: ' \u1100\u1161\u11BC ', nameAlt: '👩‍👩‍👧 Kim' })).toEqual({ name: '강', nameAlt: '👩‍👩‍👧 Kim' });
    expect(name.parse({ name: 'a\u200bb' }).name).toBe('a\u200bb');
    expect(name.parse({ name: 'x', nameAlt: '' }).nameAlt).toBe('');
  });

  it.each(['\u200b', '\u200b\u200c\u200d', '\ufeff\u200b', '\u3164', '\u115f\u1160', '\u2060\u00ad', '\u2800', ' \u200b '])(
    'refuses a name of invisible characters only (%j), naming the field',
    (value) => {
      const error = refusalOf(name, { name: value });
      expect(error.field).toBe('name');
      expect(error.message).toMatch(/^name: Has only invisible characters/);
      expect(describeRefusal('ko', error)).toMatch(/보이지 않는 문자/);
    },
  );

  it('refuses an invisible-only optional name too, but not an empty one', () => {
    expect(refusalOf(name, { name: 'Kim', nameAlt: '\u200b' }).field).toBe('nameAlt');
  });

  it.each(['\ud83d', 'Kim \udc00', 'a\ud800b', '\ude00\ud83d'])('refuses a lone surrogate (%j) instead of storing U+FFFD', (value) => {
    const error = refusalOf(name, { name: 'Kim', nameAlt: value });
    expect(error.field).toBe('nameAlt');
    expect(error.message).toMatch(/broken character/);
    expect(describeRefusal('ko', error)).toMatch(/깨진 문자/);
  });
});

describe('calendar dates', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-13-45', '0000-00-00', '2026-04-31', '2026-00-10', '2026-11-00'])('refuses %s as no such day', (value) => {
    const error = refusalOf(z.object({ shootDate: calendarDate }), { shootDate: value });
    expect(error).toMatchObject({ field: 'shootDate', key: 'err.date.impossible' });
    expect(error.message).toMatch(/^shootDate: There is no such day/);
  });

  it('keeps the shape message for a date written another way', () => {
    expect(refusalOf(calendarDate, '26/11/2026').message).toBe('Use a date like 2026-11-26');
  });

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-11-26'])('accepts %s', (value) => {
    expect(calendarDate.parse(value)).toBe(value);
  });
});

/** Every string an input schema accepts, with the path it is at. */
function stringsIn(schema: unknown, path: string, found: { path: string; schema: Record<string, unknown> }[] = []) {
  if (!schema || typeof schema !== 'object') return found;
  const s = schema as Record<string, unknown>;
  if (s.type === 'string') found.push({ path, schema: s });
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties') for (const [p, v] of Object.entries(value as object)) stringsIn(v, `${path}.${p}`, found);
    else if (key === 'items') stringsIn(value, `${path}[]`, found);
    else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') for (const v of value as unknown[]) stringsIn(v, path, found);
  }
  return found;
}

describe('the published input schemas', () => {
  it('bound every free-text string as the host does', () => {
    const unbounded = methodNames.flatMap((name) =>
      stringsIn(z.toJSONSchema(methods[name].input, { io: 'input', unrepresentable: 'any' }), name).filter(
        (s) => s.schema.maxLength === undefined && s.schema.enum === undefined && s.schema.const === undefined && s.schema.pattern === undefined,
      ),
    );
    expect(unbounded.map((s) => s.path)).toEqual([]);
  });
});

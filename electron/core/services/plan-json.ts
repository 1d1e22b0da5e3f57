import { z } from 'zod';
import { importError, rowErrors, type ImportRow, type InputPath, type ReadResult } from './plan-import-errors';

/** The shape of one exported plan; leaf values are checked later by createPlan's own schema. */
const named = z.strictObject({ name: z.unknown(), nameAlt: z.unknown().optional() });
const shape = z.strictObject({
  artist: named,
  song: z.unknown(),
  songLengthMs: z.unknown().optional(),
  venue: z.strictObject({ name: z.unknown(), nameAlt: z.unknown().optional(), address: z.unknown().optional(), area: z.unknown().optional(), notes: z.unknown().optional() }).nullable().optional(),
  shootDate: z.unknown().optional(),
  callTime: z.unknown().optional(),
  countdownMs: z.unknown().optional(),
  warningMs: z.unknown().optional(),
  dangerMs: z.unknown().optional(),
  dancers: z.array(named).optional(),
  guests: z.array(named).optional(),
  notes: z.unknown().optional(),
  status: z.unknown().optional(),
  runOrder: z.unknown().optional(),
});

/** Where a path is in the JSON: artistAlt is artist.nameAlt, dancersAlt.1 is dancers.1.nameAlt. */
export function columnOf(path: InputPath): string {
  const [head, ...rest] = path;
  if (head === 'artistAlt') return 'artist.nameAlt';
  if (head === 'dancersAlt' || head === 'guestsAlt') return [String(head).replace('Alt', ''), ...rest, 'nameAlt'].join('.');
  if (head === 'venueDetails') return ['venue', ...rest].join('.');
  return path.join('.');
}

/** The line each top-level array element starts on, so errors point into the file as a person sees it. */
export function elementLines(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expecting && c !== ']') starts.push(line);
    expecting = false;
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') expecting = ++depth === 1;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return starts;
}

/** JSON.parse names a position; a person looks for a line. */
function lineOfParseError(text: string, error: Error): number {
  const explicit = /line (\d+)/.exec(error.message);
  if (explicit) return Number(explicit[1]);
  const position = /position (\d+)/.exec(error.message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

const present = (value: unknown) => value !== undefined && value !== null;

function toRow(element: unknown, line: number): ImportRow {
  const row: ImportRow = { line, input: {}, extras: {}, errors: [], column: columnOf };
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    row.errors.push(importError(line, '', 'not_object'));
    row.unreadable = true;
    return row;
  }
  const parsed = shape.safeParse(element);
  if (!parsed.success) {
    row.errors.push(...rowErrors(row, parsed.error));
    row.unreadable = true;
    return row;
  }
  const p = parsed.data;
  const people = (list: z.infer<typeof named>[] | undefined) => (list ?? []).map((m) => ({ name: m.name }));
  row.input = {
    artist: { name: p.artist.name },
    song: p.song,
    dancers: people(p.dancers),
    guests: people(p.guests),
    ...Object.fromEntries(
      (['songLengthMs', 'shootDate', 'callTime', 'countdownMs', 'warningMs', 'dangerMs', 'notes', 'status'] as const)
        .filter((key) => present(p[key]))
        .map((key) => [key, p[key]]),
    ),
    ...(p.venue ? { venue: { name: p.venue.name } } : {}),
  };
  const alts = (list: z.infer<typeof named>[] | undefined) => (list?.some((m) => present(m.nameAlt)) ? list.map((m) => m.nameAlt ?? '') : undefined);
  row.extras = {
    ...(present(p.artist.nameAlt) ? { artistAlt: p.artist.nameAlt } : {}),
    ...(alts(p.dancers) ? { dancersAlt: alts(p.dancers) } : {}),
    ...(alts(p.guests) ? { guestsAlt: alts(p.guests) } : {}),
    ...(p.venue ? { venueDetails: { nameAlt: p.venue.nameAlt ?? '', address: p.venue.address ?? '', area: p.venue.area ?? '', notes: p.venue.notes ?? '' } } : {}),
    ...(present(p.runOrder) ? { runOrder: p.runOrder } : {}),
  };
  return row;
}

/** A JSON export: an array of plans; each element's line is where its `{` is. */
export function readJson(content: string): ReadResult {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { rows: [], fatal: [importError(1, '', 'empty_file')] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { rows: [], fatal: [importError(lineOfParseError(text, error as Error), '', 'bad_json')] };
  }
  if (!Array.isArray(data)) return { rows: [], fatal: [importError(1, '', 'not_array')] };
  const lines = elementLines(text);
  return { rows: data.map((element, i) => toRow(element, lines[i] ?? 1)), fatal: [] };
}

export { columnOf as jsonColumn };

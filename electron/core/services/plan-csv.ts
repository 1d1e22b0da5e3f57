import Papa from 'papaparse';
import type { ImportError } from '../../../shared/contract/plans';
import { PLAN_CSV_COLUMNS, type PlanCsvColumn } from '../../../shared/contract/plans';
import { importError, type ImportRow, type InputPath, type ReadResult } from './plan-import-errors';
import { parseDuration } from '../../../shared/duration';
import { splitNames } from './plan-portable';

/** Where each input path lives in the CSV: the column a person would fix. */
const COLUMN_OF: Record<string, PlanCsvColumn> = {
  artist: 'artist',
  artistAlt: 'artistAlt',
  song: 'song',
  songLengthMs: 'songLength',
  venue: 'venue',
  shootDate: 'shootDate',
  callTime: 'callTime',
  countdownMs: 'countdown',
  warningMs: 'warning',
  dangerMs: 'danger',
  dancers: 'dancers',
  dancersAlt: 'dancersAlt',
  guests: 'guests',
  guestsAlt: 'guestsAlt',
  notes: 'notes',
  status: 'status',
  runOrder: 'runOrder',
};
const VENUE_DETAIL: Record<string, PlanCsvColumn> = { nameAlt: 'venueAlt', address: 'venueAddress', area: 'venueArea', notes: 'venueNotes' };

export function columnOf(path: InputPath): string {
  const [head, next] = path;
  if (head === 'venueDetails' && typeof next === 'string') return VENUE_DETAIL[next] ?? 'venue';
  return COLUMN_OF[String(head)] ?? String(head ?? '');
}

/** Maps the header line to column positions; any problem there makes the whole file unreadable. */
function readHeader(header: string[]): { index: Map<PlanCsvColumn, number>; errors: ImportError[] } {
  const index = new Map<PlanCsvColumn, number>();
  const errors: ImportError[] = [];
  const known = new Map(PLAN_CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  header.forEach((raw, i) => {
    const name = raw.normalize('NFC').trim();
    if (name === '') return;
    const column = known.get(name.toLowerCase());
    if (!column) errors.push(importError(1, name, 'unknown_column'));
    else if (index.has(column)) errors.push(importError(1, column, 'duplicate_column'));
    else index.set(column, i);
  });
  for (const required of ['artist', 'song'] as const) if (!index.has(required)) errors.push(importError(1, required, 'missing_column'));
  return { index, errors };
}

/** Reads one line into createPlan's input; cells that cannot even be read are errors right away. */
function readLine(cells: string[], line: number, index: Map<PlanCsvColumn, number>, width: number): ImportRow {
  const cell = (c: PlanCsvColumn) => (index.has(c) ? (cells[index.get(c)!] ?? '') : '').trim();
  const row: ImportRow = { line, input: {}, extras: {}, errors: [], column: columnOf };
  if (cells.slice(width).some((c) => c.trim() !== '')) row.errors.push(importError(line, '', 'extra_cells'));
  const fail = (column: PlanCsvColumn, code: ImportError['code']) => row.errors.push(importError(line, column, code));
  const duration = (column: PlanCsvColumn, key: string) => {
    if (cell(column) === '') return;
    const ms = parseDuration(cell(column));
    if (ms === null) fail(column, 'duration');
    else row.input[key] = ms;
  };
  const names = (column: 'dancers' | 'guests') => {
    const list = splitNames(cell(column));
    row.input[column] = list.map((name) => ({ name }));
    const alts = splitNames(cell(`${column}Alt`));
    if (alts.length === 0) return;
    if (alts.length !== list.length) fail(`${column}Alt`, 'alt_count');
    else row.extras[`${column}Alt`] = alts;
  };

  row.input.artist = { name: cell('artist') };
  row.input.song = cell('song');
  if (cell('artistAlt')) row.extras.artistAlt = cell('artistAlt');
  if (cell('venue')) {
    row.input.venue = { name: cell('venue') };
    row.extras.venueDetails = { nameAlt: cell('venueAlt'), address: cell('venueAddress'), area: cell('venueArea'), notes: cell('venueNotes') };
  }
  if (cell('shootDate')) row.input.shootDate = cell('shootDate');
  if (cell('callTime')) row.input.callTime = cell('callTime');
  duration('songLength', 'songLengthMs');
  duration('countdown', 'countdownMs');
  duration('warning', 'warningMs');
  duration('danger', 'dangerMs');
  names('dancers');
  names('guests');
  row.input.notes = cell('notes');
  if (cell('status')) row.input.status = cell('status').toLowerCase();
  if (cell('runOrder')) {
    if (/^\d{1,9}$/.test(cell('runOrder'))) row.extras.runOrder = Number(cell('runOrder'));
    else fail('runOrder', 'run_order');
  }
  return row;
}

/** Line numbers are as a spreadsheet shows them: the header is line 1, a multi-line cell is one line. */
export function readCsv(content: string): ReadResult {
  const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';'] });
  const records = parsed.data;
  const fatal = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => importError((e.row ?? records.length - 1) + 1, '', 'quotes'));
  if (fatal.length) return { rows: [], fatal };
  const header = records[0] ?? [];
  if (header.every((c) => c.trim() === '')) return { rows: [], fatal: [importError(1, '', 'empty_file')] };
  const { index, errors } = readHeader(header);
  if (errors.length) return { rows: [], fatal: errors };
  const rows: ImportRow[] = [];
  records.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c.trim() === '')) return;
    rows.push(readLine(cells, i + 1, index, header.length));
  });
  return { rows, fatal: [] };
}

export { columnOf as csvColumn };

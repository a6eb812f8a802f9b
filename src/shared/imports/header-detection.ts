import { normalizeHeader } from './coerce';
import { findPeriod } from './period';
import { importKinds, importTemplates } from './import-kinds';
import type { FieldDefinition, FieldType, ImportKind } from './import-kinds';
import type { Grid, GridRow, Period } from './grid';

/** One header cell and the field it feeds; `field` null = unknown or ignored. */
export interface ColumnMapping {
  column: number;
  header: string;
  field: string | null;
}

/** Where the table starts in a sheet, what kind of file it is and which column feeds which field. */
export interface DetectedLayout {
  kind: ImportKind;
  /** Index into grid.rows (0-based). */
  headerRowIndex: number;
  /** One per non-empty header cell, in column order. */
  columns: ColumnMapping[];
  /** Required fields of the kind with no column. */
  missingRequired: string[];
  /** From the rows above the header (findPeriod), for any kind. */
  period: Period | null;
  /** How well the headers matched (for choosing kind and sheet). */
  score: number;
}

export type SavedMappings = Partial<Record<ImportKind, Record<string, string>>>;

export interface DetectOptions {
  kind?: ImportKind;
  savedMappings?: SavedMappings;
}

/** Header rows are near the top; a title block is a few rows at most. */
const searchedRows = 30;
/** Fewer matched fields than this is a coincidence, not a header. */
const minimumFields = 2;
/** A missing required field costs half a match, so e.g. 成员 + two counts reads as WeCom, not daily. */
const missingRequiredPenalty = 0.5;
/** A known header in the wrong unit is half a match: evidence of the kind, though it maps nothing. */
const wrongUnitCredit = 0.5;

// How sure a column's match is; a field goes to the surest column, then the leftmost.
const savedStrength = 3;
const exactStrength = 2;
const prefixStrength = 1;

interface Match {
  field: string | null;
  strength: number;
  /** A known header in a unit the field cannot take. */
  wrongUnit?: boolean;
}

interface NormalizedField {
  definition: FieldDefinition;
  synonyms: string[];
}

/** Synonyms normalised once; the field's code name counts too, so PilotDesk's own files read back. */
const normalizedTemplates = Object.fromEntries(
  importKinds.map((kind) => [
    kind,
    importTemplates[kind].fields.map((definition) => ({
      definition,
      synonyms: [...definition.synonyms, definition.field].map(normalizeHeader),
    })),
  ]),
) as Record<ImportKind, NormalizedField[]>;

// Units written after a header without brackets: '销售额元', '销售额/元', '新增客户数_人'.
const bareUnits = new Set(['元', '分钟', '分', '秒', '小时', '人', '个', '次', '条', '单', '笔', '%']);

/** The unit or note after a synonym ('(元)', '/元', '人'), or null when the rest is another word. */
function trailingUnit(rest: string): string | null {
  const bracket = /^\((.*)\)$/.exec(rest);
  if (bracket) return bracket[1] ?? '';
  const unit = rest.replace(/^[/_:]/, '');
  return bareUnits.has(unit) ? unit : null;
}

/**
 * Whether a field of `type` may take a column in `unit`. Money in 万元 or in 分 and durations in
 * seconds or hours would be read at the wrong scale, so such columns are left for the user to map.
 */
function unitFits(type: FieldType, unit: string, bracketed: boolean): boolean {
  if (type === 'money') return !/[万千百角]/.test(unit) && unit !== '分';
  if (type === 'minutes') return !/秒|时|天/.test(unit) && !['s', 'sec', 'secs', 'h', 'hr', 'hrs'].includes(unit);
  const numeric = type === 'integer' || type === 'ratio';
  return numeric || bracketed;
}

/** A saved mapping naming no field of the kind means the user chose to ignore the column. */
function savedMatch(
  header: string,
  fields: readonly NormalizedField[],
  saved: ReadonlyMap<string, string>,
): Match | null {
  const target = saved.get(header);
  if (target === undefined) return null;
  const known = fields.some(({ definition }) => definition.field === target);
  return { field: known ? target : null, strength: savedStrength };
}

function exactMatch(header: string, fields: readonly NormalizedField[]): Match | null {
  const hit = fields.find(({ synonyms }) => synonyms.includes(header));
  return hit ? { field: hit.definition.field, strength: exactStrength } : null;
}

type PrefixFit = 'fits' | 'wrongUnit' | 'none';

/** 'x(元)' after synonym 'x' may be taken as x when the unit suits the field. */
function prefixFit(header: string, synonym: string, type: FieldType): PrefixFit {
  if (!header.startsWith(synonym) || header === synonym) return 'none';
  const rest = header.slice(synonym.length);
  const unit = trailingUnit(rest);
  if (unit === null) return 'none';
  return unitFits(type, unit, rest.startsWith('(')) ? 'fits' : 'wrongUnit';
}

/**
 * The longest fitting synonym wins: '门店编码(新)' is storeCode, not storeName by '门店'. A header
 * in the wrong unit ('成交金额(万元)') maps to nothing but still tells which kind the file is.
 */
function prefixMatch(header: string, fields: readonly NormalizedField[]): Match | null {
  let best: { field: string; length: number } | null = null;
  let wrongUnit = false;
  for (const { definition, synonyms } of fields) {
    for (const synonym of synonyms) {
      const fit = prefixFit(header, synonym, definition.type);
      wrongUnit ||= fit === 'wrongUnit';
      if (fit === 'fits' && synonym.length > (best?.length ?? 0))
        best = { field: definition.field, length: synonym.length };
    }
  }
  if (best) return { field: best.field, strength: prefixStrength };
  return wrongUnit ? { field: null, strength: 0, wrongUnit } : null;
}

const noMatch: Match = { field: null, strength: 0 };

function matchHeader(header: string, fields: readonly NormalizedField[], saved: ReadonlyMap<string, string>): Match {
  return savedMatch(header, fields, saved) ?? exactMatch(header, fields) ?? prefixMatch(header, fields) ?? noMatch;
}

interface HeaderCell {
  column: number;
  header: string;
  normalized: string;
}

function headerCells(row: GridRow): HeaderCell[] {
  const cells: HeaderCell[] = [];
  row.forEach((cell, column) => {
    const header = cell === null ? '' : String(cell).trim();
    const normalized = normalizeHeader(header);
    if (normalized !== '') cells.push({ column, header, normalized });
  });
  return cells;
}

/** Matches every cell, then gives each field to one column only: the surest, then the leftmost. */
function mapColumns(cells: readonly HeaderCell[], matches: readonly Match[]): ColumnMapping[] {
  const winners = new Map<string, number>();
  cells
    .map((cell, index) => ({ cell, match: matches[index] ?? noMatch }))
    .sort((a, b) => b.match.strength - a.match.strength || a.cell.column - b.cell.column)
    .forEach(({ cell, match }) => {
      if (match.field !== null && !winners.has(match.field)) winners.set(match.field, cell.column);
    });
  return cells.map((cell, index) => {
    const field = matches[index]?.field ?? null;
    return {
      column: cell.column,
      header: cell.header,
      field: field !== null && winners.get(field) === cell.column ? field : null,
    };
  });
}

interface Candidate {
  kind: ImportKind;
  columns: ColumnMapping[];
  missingRequired: string[];
  matched: number;
  score: number;
}

function evaluate(row: GridRow, kind: ImportKind, saved: ReadonlyMap<string, string>): Candidate {
  const cells = headerCells(row);
  const matches = cells.map((cell) => matchHeader(cell.normalized, normalizedTemplates[kind], saved));
  const columns = mapColumns(cells, matches);
  const mapped = new Set(columns.map((column) => column.field).filter((field) => field !== null));
  const missingRequired = importTemplates[kind].fields
    .filter((definition) => definition.required && !mapped.has(definition.field))
    .map((definition) => definition.field);
  const wrongUnits = matches.filter((match) => match.wrongUnit).length;
  const score = mapped.size + wrongUnitCredit * wrongUnits - missingRequiredPenalty * missingRequired.length;
  return { kind, columns, missingRequired, matched: mapped.size, score };
}

/** Saved mappings with their keys normalised again, so a key stored in another form still matches. */
function savedFor(kind: ImportKind, savedMappings: SavedMappings | undefined): ReadonlyMap<string, string> {
  const entries = Object.entries(savedMappings?.[kind] ?? {});
  return new Map(entries.map(([header, field]) => [normalizeHeader(header), field]));
}

/** The first period written in the rows above the header, one row at a time. */
function periodAbove(rows: readonly GridRow[], headerRowIndex: number): Period | null {
  for (const row of rows.slice(0, headerRowIndex)) {
    const text = row.filter((cell) => cell !== null).join(' ');
    const period = findPeriod(text);
    if (period) return period;
  }
  return null;
}

/**
 * Looks at the first 30 rows: the header row is the one whose cells match the most synonyms of
 * some kind's template (normalizeHeader on both sides; exact match first, then a header that starts
 * with a synonym and goes on with a unit, e.g. '销售额(元)' ~ '销售额'). Title rows above it are
 * skipped. The kind is the best-scoring template unless `options.kind` fixes it; a missing
 * required field lowers a kind's score. `options.savedMappings` (normalised header → field, per
 * kind) wins over synonyms. A field is mapped to at most one column (the first/best). Returns null
 * when no row matches at least 2 fields.
 */
export function detectLayout(grid: Grid, options: DetectOptions = {}): DetectedLayout | null {
  const kinds = options.kind ? [options.kind] : importKinds;
  const saved = new Map(kinds.map((kind) => [kind, savedFor(kind, options.savedMappings)]));
  let best: (Candidate & { rowIndex: number }) | null = null;
  const rows = grid.rows.slice(0, searchedRows);
  for (const [rowIndex, row] of rows.entries()) {
    for (const kind of kinds) {
      const candidate = evaluate(row, kind, saved.get(kind) ?? new Map());
      // Strictly better only: on a tie the upper row and the earlier kind stay.
      if (candidate.matched >= minimumFields && (best === null || candidate.score > best.score)) {
        best = { ...candidate, rowIndex };
      }
    }
  }
  if (best === null) return null;
  const { kind, columns, missingRequired, score, rowIndex } = best;
  return { kind, headerRowIndex: rowIndex, columns, missingRequired, period: periodAbove(grid.rows, rowIndex), score };
}

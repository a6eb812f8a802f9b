import { createHash } from 'node:crypto';
import { PilotDeskError } from '../../shared/api/result';
import { coerceValue, normalizeHeader, type CoerceOptions } from '../../shared/imports/coerce';
import type { Grid, Period } from '../../shared/imports/grid';
import { detectLayout, type DetectedLayout } from '../../shared/imports/header-detection';
import type { ImportErrorCode } from '../../shared/imports/import-messages';
import { importTemplates, type FieldType, type ImportKind } from '../../shared/imports/import-kinds';
import type { ImportOptions, ImportReport, ImportRowError, ValueChange } from '../../shared/imports/import-schema';
import { classifyRow } from '../../shared/imports/row-classification';
import type { Channel } from '../../shared/metrics/channels';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { FactWriter } from './fact-writes';
import { IdentityIndex } from './identity';
import { loadChannelMappings, loadSavedMappings } from './mappings';
import { planFactRow, rowIdentity } from './plan-facts';
import { guideMatchError } from './row-errors';
import { planRosterRow } from './plan-roster';
import type { CoercedRow, PlannedWrite, RowOutcome } from './planned-write';
import type { WorkbookContents } from './read-workbook';

export interface ImportPlan {
  importId: string;
  report: ImportReport;
  writes: PlannedWrite[];
  /** Header mappings the user chose that differ from the synonyms: kept for the next file. */
  headerMappings: { header: string; field: string | null }[];
  channelMappings: Record<string, Channel>;
  /** False when the file as a whole cannot be imported (required columns or the period missing). */
  importable: boolean;
}

export interface PlanContext {
  today: string;
  workspaceRegion: string;
  now: Date;
}

export function fileHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const maxErrors = 5_000;
const maxChanges = 2_000;

/**
 * Reads a workbook's chosen sheet against a kind's template and decides, row by row, what an
 * import would do — without writing anything. Commit runs the plan's writes in one transaction.
 */
export function planImport(
  db: Database,
  contents: WorkbookContents,
  fileHash: string,
  options: ImportOptions,
  context: PlanContext,
): ImportPlan {
  const savedMappings = loadSavedMappings(db);
  const { grid, layout } = chooseSheet(contents, options, savedMappings);
  const columns = applyMappingOverrides(layout, options.mapping);
  const kind = layout.kind;
  const template = importTemplates[kind];
  const fieldTypes = new Map<string, FieldType>(template.fields.map((field) => [field.field, field.type]));
  const mappedColumns = columns.filter((column) => column.field !== null);
  const period: Period | null = options.period ?? layout.period;
  const hasChannel = mappedColumns.some((column) => column.field === 'channel');
  const missingRequired = template.fields
    .filter((field) => field.required && !mappedColumns.some((column) => column.field === field.field))
    .map((field) => field.field);
  if (kind === 'sales' && !hasChannel && !options.defaultChannel) missingRequired.push('channel');
  if (template.needsPeriod && !period) missingRequired.push('period');
  if (
    ['sales', 'wecom-contacts', 'wecom-groups', 'daily'].includes(kind) &&
    !mappedColumns.some((c) => ['staffNo', 'wecomAccount', 'guideName'].includes(c.field!))
  ) {
    missingRequired.push('guideName');
  }

  const importId = newId();
  const at = context.now.toISOString();
  const channelMappings = { ...loadChannelMappings(db), ...(options.channelMapping ?? {}) };
  const report: ImportReport = {
    file: contents.fileName,
    fileHash,
    kind,
    sheet: grid.sheetName,
    sheets: contents.sheets.map((sheet) => sheet.sheetName),
    headerRow: grid.firstRowNumber + layout.headerRowIndex,
    period,
    mapping: Object.fromEntries(columns.map((column) => [column.header, column.field])),
    missingRequired,
    unknownChannels: [],
    rows: { read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 },
    unmatched: { guides: [], stores: [] },
    errors: [],
    changes: [],
    previousImport: findPreviousImport(db, fileHash),
    importId: null,
  };
  const writes: PlannedWrite[] = [];
  const unknownChannels = new Set<string>();
  const unmatchedGuides = new Set<string>();
  const unmatchedStores = new Set<string>();
  const identity = new IdentityIndex(db);
  const seen = new Map<string, number>();
  const writer = new FactWriter(db, importId, at);
  const importable = missingRequired.length === 0;
  const rosterContext = {
    db,
    identity,
    today: context.today,
    workspaceRegion: context.workspaceRegion,
    createMissing: options.createMissing,
    at,
    seen,
    createdStores: new Map<string, string>(),
  };
  const factContext = { identity, writer, period, defaultChannel: options.defaultChannel ?? null, seen };
  const planRow = (row: CoercedRow): RowOutcome =>
    kind === 'roster' ? planRosterRow(row, rosterContext) : planFactRow(kind, row, factContext);

  for (let index = layout.headerRowIndex + 1; index < grid.rows.length; index += 1) {
    const cells = grid.rows[index] ?? [];
    if (
      classifyRow(
        cells,
        mappedColumns.map((column) => column.column),
      ) !== 'data'
    )
      continue;
    report.rows.read += 1;
    const rowNumber = grid.firstRowNumber + index;
    if (!importable) {
      report.rows.rejected += 1;
      continue;
    }
    const coerced = coerceRow(cells, rowNumber, mappedColumns, fieldTypes, channelMappings, unknownChannels, {
      // A roster's fields are bounded by the guide and store schemas (plan-roster.ts), as in the forms.
      maxTextLength: kind === 'roster' ? null : undefined,
    });
    const outcome: RowOutcome =
      coerced.errors.length > 0
        ? rejectWithIdentity(kind, coerced.row, coerced.errors, identity)
        : planRow(coerced.row);
    report.rows[outcome.status === 'rejected' ? 'rejected' : outcome.status] += 1;
    if (outcome.status === 'rejected') {
      if (report.errors.length < maxErrors) report.errors.push(...outcome.errors);
      if (outcome.unmatchedGuide) unmatchedGuides.add(outcome.unmatchedGuide);
      if (outcome.unmatchedStore) unmatchedStores.add(outcome.unmatchedStore);
    } else {
      writes.push(...outcome.writes);
      if (report.changes.length < maxChanges) report.changes.push(...(outcome.changes as ValueChange[]));
    }
  }
  if (!importable) report.errors.unshift(fileLevelError(report.headerRow, missingRequired));
  report.unknownChannels = [...unknownChannels];
  report.unmatched = { guides: [...unmatchedGuides], stores: [...unmatchedStores] };
  const known = new Set(
    template.fields.flatMap((field) => field.synonyms.map((synonym) => `${field.field}|${normalizeHeader(synonym)}`)),
  );
  const headerMappings = columns
    .filter((column) => options.mapping && column.header in options.mapping)
    .filter((column) => column.field === null || !known.has(`${column.field}|${normalizeHeader(column.header)}`))
    .map((column) => ({ header: normalizeHeader(column.header), field: column.field }));
  return { importId, report, writes, headerMappings, channelMappings: options.channelMapping ?? {}, importable };
}

function fileLevelError(headerRow: number, missing: string[]): ImportRowError {
  const code: ImportErrorCode = missing.length === 1 && missing[0] === 'period' ? 'missingPeriod' : 'missingColumn';
  return { row: headerRow, column: null, field: null, value: null, code, params: {}, missing };
}

/** The sheet the user named, else the one whose header matches a template best. */
function chooseSheet(
  contents: WorkbookContents,
  options: ImportOptions,
  savedMappings: Partial<Record<ImportKind, Record<string, string>>>,
): { grid: Grid; layout: DetectedLayout } {
  const candidates = options.sheet
    ? contents.sheets.filter((sheet) => sheet.sheetName === options.sheet)
    : contents.sheets;
  if (options.sheet && candidates.length === 0) {
    throw new PilotDeskError(
      'VALIDATION',
      'imports.error.noSuchSheet',
      { sheet: options.sheet, sheets: contents.sheets.map((s) => s.sheetName).join('、') },
      undefined,
      { reason: 'noSuchSheet' },
    );
  }
  let best: { grid: Grid; layout: DetectedLayout } | null = null;
  for (const grid of candidates) {
    const layout = detectLayout(grid, { kind: options.kind, savedMappings });
    if (layout && (!best || layout.score > best.layout.score)) best = { grid, layout };
  }
  if (!best) {
    throw new PilotDeskError('VALIDATION', 'imports.error.noHeader', {}, undefined, { reason: 'noHeader' });
  }
  return options.headerRow ? forceHeaderRow(best, options.headerRow, options, savedMappings) : best;
}

/** The user named the header row: read the headers from that row, keeping the period found above it. */
function forceHeaderRow(
  detected: { grid: Grid; layout: DetectedLayout },
  headerRow: number,
  options: ImportOptions,
  savedMappings: Partial<Record<ImportKind, Record<string, string>>>,
): { grid: Grid; layout: DetectedLayout } {
  const { grid } = detected;
  const index = headerRow - grid.firstRowNumber;
  const cells = grid.rows[index];
  const layout = cells
    ? detectLayout(
        { ...grid, rows: [cells], firstRowNumber: headerRow },
        { kind: options.kind ?? detected.layout.kind, savedMappings },
      )
    : null;
  if (!layout) {
    throw new PilotDeskError('VALIDATION', 'imports.error.notAHeaderRow', { row: headerRow }, undefined, {
      reason: 'notAHeaderRow',
    });
  }
  return {
    grid: { ...grid, rows: grid.rows.slice(index), firstRowNumber: headerRow },
    layout: { ...layout, headerRowIndex: 0, period: layout.period ?? detected.layout.period },
  };
}

function applyMappingOverrides(layout: DetectedLayout, mapping: Record<string, string | null> | undefined) {
  if (!mapping) return layout.columns;
  const columns = layout.columns.map((column) =>
    column.header in mapping ? { ...column, field: mapping[column.header] ?? null } : column,
  );
  // A field mapped by the user to one column is taken away from any other column.
  const chosen = new Map<string, number>();
  for (const column of columns) if (column.header in mapping && column.field) chosen.set(column.field, column.column);
  return columns.map((column) =>
    column.field && chosen.has(column.field) && chosen.get(column.field) !== column.column
      ? { ...column, field: null }
      : column,
  );
}

function coerceRow(
  cells: (string | number | null)[],
  rowNumber: number,
  columns: { column: number; header: string; field: string | null }[],
  fieldTypes: Map<string, FieldType>,
  channelMappings: Record<string, Channel>,
  unknownChannels: Set<string>,
  options: CoerceOptions,
): { row: CoercedRow; errors: ImportRowError[] } {
  const row: CoercedRow = { rowNumber, values: {}, headers: {} };
  const errors: ImportRowError[] = [];
  for (const { column, header, field } of columns) {
    if (!field) continue;
    const cell = cells[column] ?? null;
    row.headers[field] = header;
    const type = fieldTypes.get(field) ?? 'text';
    // Own keys only, as in coerce.ts: a cell reading "constructor" is no mapped channel.
    if (type === 'channel' && typeof cell === 'string' && Object.hasOwn(channelMappings, cell.trim())) {
      row.values[field] = channelMappings[cell.trim()]!;
      continue;
    }
    const result = coerceValue(type, cell, options);
    if (result.ok) {
      row.values[field] = result.value;
      continue;
    }
    if (result.reason === 'unknownChannel' && cell !== null) unknownChannels.add(String(cell).trim());
    errors.push({
      row: rowNumber,
      column: header,
      value: cell === null ? null : String(cell),
      field,
      code: result.reason,
      params: { value: cell === null ? '' : String(cell).trim() },
    });
  }
  return { row, errors };
}

/**
 * A row with unreadable cells is refused; its guide is still looked up, so an unknown guide or
 * store is listed among the unmatched as well as the cell problem.
 */
function rejectWithIdentity(
  kind: ImportKind,
  row: CoercedRow,
  errors: ImportRowError[],
  identity: IdentityIndex,
): RowOutcome {
  if (kind === 'roster') return { status: 'rejected', errors };
  const match = identity.matchGuide(rowIdentity(row));
  if (match.kind === 'found' || (!row.values.staffNo && !row.values.wecomAccount && !row.values.guideName))
    return { status: 'rejected', errors };
  const problem = guideMatchError(row, match);
  return {
    status: 'rejected',
    errors: [...errors, problem.error],
    unmatchedGuide: problem.guide,
    unmatchedStore: problem.store,
  };
}

function findPreviousImport(db: Database, fileHash: string): { id: string; createdAt: string } | null {
  return (
    db.get<{ id: string; createdAt: string }>(
      'SELECT id, created_at AS createdAt FROM import_batches WHERE file_hash = ? AND undone_at IS NULL ORDER BY created_at DESC LIMIT 1',
      [fileHash],
    ) ?? null
  );
}

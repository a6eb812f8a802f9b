import type { FieldError } from '../../shared/api/result';
import { checkGuideDates } from '../../shared/guides/guide-rules';
import { guideInputSchema, type GuideInput, type GuideValues } from '../../shared/guides/guide-schema';
import type { ImportRowError, ValueChange } from '../../shared/imports/import-schema';
import { storeInputSchema, type StoreRecordValues } from '../../shared/stores/store-schema';
import { toFieldErrors } from '../../shared/validation/field-errors';
import type { Database } from '../db/database';
import { guideRowByStaffNo, type GuideRow } from '../guides/guide-repository';
import { newId } from '../ids';
import type { IdentityIndex } from './identity';
import { rejected, type CoercedRow, type PlannedWrite, type RowOutcome } from './planned-write';
import { rowError } from './row-errors';

export interface RosterPlanContext {
  db: Database;
  identity: IdentityIndex;
  today: string;
  workspaceRegion: string;
  createMissing: boolean;
  at: string;
  seen: Map<string, number>;
  /** Stores this import will create, by code, so two rows naming one new store create it once. */
  createdStores: Map<string, string>;
}

/** Guide field → the roster field it comes from and the column it is stored in. */
const guideFields = {
  name: { roster: 'guideName', column: 'name' },
  role: { roster: 'role', column: 'role' },
  hireDate: { roster: 'hireDate', column: 'hire_date' },
  phone: { roster: 'phone', column: 'phone' },
  wecomAccount: { roster: 'wecomAccount', column: 'wecom_account' },
  employment: { roster: 'employment', column: 'employment' },
  leftOn: { roster: 'leftOn', column: 'left_on' },
} as const satisfies Partial<Record<keyof GuideValues, { roster: string; column: string }>>;
type RosterGuideField = keyof typeof guideFields;

/** Schema field → roster field, for errors: the form's `name` is the roster's 姓名 (guideName). */
const rosterFieldOfGuide: Record<string, string> = { staffNo: 'staffNo', storeId: 'storeCode' };
for (const [field, { roster }] of Object.entries(guideFields)) rosterFieldOfGuide[field] = roster;
const rosterFieldOfStore: Record<string, string> = { code: 'storeCode', name: 'storeName', region: 'region' };

/**
 * A field error from the shared schemas or rules as a row error: the rule key and its parameters,
 * on the roster column the field came from, exactly as the form would refuse it.
 */
function schemaRowError(row: CoercedRow, rosterOf: Record<string, string>, error: FieldError): ImportRowError {
  const field = rosterOf[error.field] ?? error.field;
  const value = row.values[field];
  return {
    row: row.rowNumber,
    column: row.headers[field] ?? null,
    field,
    value: value === null || value === undefined ? null : String(value),
    code: error.rule,
    params: error.params ?? {},
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The guide as it will be after this row: the stored guide with what the file gives (a blank cell
 * changes nothing), or what the file gives alone. Checked by the guide form's schema and rules.
 */
function guideAfterRow(
  row: CoercedRow,
  staffNo: string,
  storeId: string,
  existing: GuideRow | undefined,
  context: RosterPlanContext,
): { values: GuideValues } | { errors: ImportRowError[] } {
  const fromFile = (field: RosterGuideField): unknown => {
    const value = row.values[guideFields[field].roster];
    return value === null || value === undefined ? undefined : value;
  };
  const stored = (field: RosterGuideField): unknown => existing?.[guideFields[field].column] ?? undefined;
  const pick = (field: RosterGuideField) => fromFile(field) ?? stored(field);
  // A 离职日期 alone says the guide has left, for a new guide and a known one alike.
  const employment = fromFile('employment') ?? (fromFile('leftOn') ? 'left' : stored('employment'));
  const input = {
    staffNo,
    storeId,
    name: pick('name'),
    role: pick('role'),
    hireDate: pick('hireDate'),
    phone: pick('phone'),
    wecomAccount: pick('wecomAccount'),
    employment,
    leftOn: pick('leftOn'),
  } as GuideInput;
  const parsed = guideInputSchema.safeParse(input);
  if (!parsed.success)
    return { errors: toFieldErrors(parsed.error).map((error) => schemaRowError(row, rosterFieldOfGuide, error)) };
  const dateErrors = checkGuideDates(parsed.data, context.today);
  if (dateErrors.length > 0)
    return { errors: dateErrors.map((error) => schemaRowError(row, rosterFieldOfGuide, error)) };
  return { values: parsed.data };
}

/** Plans one roster row: creates or updates a guide by 工号 (and its store, when asked to). */
export function planRosterRow(row: CoercedRow, context: RosterPlanContext): RowOutcome {
  const staffNo = text(row.values.staffNo);
  if (!staffNo) return rejected([rowError(row, 'staffNo', 'missingValue')]);
  if (!row.values.guideName) return rejected([rowError(row, 'guideName', 'missingValue')]);
  const first = context.seen.get(staffNo);
  if (first !== undefined) return rejected([rowError(row, 'staffNo', 'duplicateRow', { first })]);
  context.seen.set(staffNo, row.rowNumber);

  const existing = guideRowByStaffNo(context.db, staffNo);
  if (existing?.archived_at) return rejected([rowError(row, 'staffNo', 'archivedGuide', { label: staffNo })]);
  // A store this row would create is planned only once the guide is known to be valid.
  const store = resolveStore(row, context);
  if ('outcome' in store) return store.outcome;
  const guide = guideAfterRow(row, staffNo, store.id, existing, context);
  if ('errors' in guide) return rejected(guide.errors);
  const writes: PlannedWrite[] = [];
  if (store.create) {
    writes.push({ table: 'stores', rowId: store.id, values: store.create, previous: null });
    context.createdStores.set(store.create.code, store.id);
    context.identity.addStore({ id: store.id, code: store.create.code, name: store.create.name });
  }
  if (!existing) {
    writes.push({ table: 'guides', rowId: newId(), values: guide.values, previous: null });
    return { status: 'imported', writes, changes: [] };
  }

  const changes: ValueChange[] = [];
  const label = `${staffNo} ${guide.values.name}`;
  if (existing.store_id !== store.id) {
    // Shown by code: the ids mean nothing to the person reading before → after.
    changes.push({
      row: row.rowNumber,
      key: label,
      field: 'storeCode',
      before: context.identity.storeCodeOf(existing.store_id),
      after: context.identity.storeCodeOf(store.id),
    });
  }
  for (const [field, { roster, column }] of Object.entries(guideFields)) {
    const next = guide.values[field as RosterGuideField] ?? null;
    const before = (existing[column] as string | null | undefined) ?? null;
    if (next !== before) changes.push({ row: row.rowNumber, key: label, field: roster, before, after: next });
  }
  if (changes.length === 0) return { status: 'unchanged', writes, changes };
  writes.push({ table: 'guides', rowId: existing.id, values: guide.values, previous: existing });
  return { status: 'updated', writes, changes };
}

type ResolvedStore = { id: string; create: StoreRecordValues | null } | { outcome: RowOutcome };

/**
 * The guide's store by code or name; a new one (checked by the store form's schema) when the user
 * said so and the code is known.
 */
function resolveStore(row: CoercedRow, context: RosterPlanContext): ResolvedStore {
  const storeCode = text(row.values.storeCode);
  const storeName = text(row.values.storeName);
  if (!storeCode && !storeName) return { outcome: rejected([rowError(row, 'storeCode', 'missingValue')]) };
  const match = context.identity.matchStore({ storeCode, storeName });
  const field = storeCode ? 'storeCode' : 'storeName';
  const label = storeCode ?? storeName ?? '';
  if (match.kind === 'found') {
    if (context.identity.storeIsArchived(match.storeId))
      return { outcome: rejected([rowError(row, field, 'archivedStore', { label })]) };
    return { id: match.storeId, create: null };
  }
  if (!context.createMissing || !storeCode)
    return { outcome: rejected([rowError(row, field, 'unknownStore', { label })], { store: label }) };
  const planned = context.createdStores.get(storeCode);
  if (planned) return { id: planned, create: null };
  const parsed = storeInputSchema.safeParse({
    code: storeCode,
    name: storeName ?? storeCode,
    region: text(row.values.region) ?? context.workspaceRegion,
    storeType: 'direct',
    pilotWave: 'none',
  });
  if (!parsed.success) {
    return {
      outcome: rejected(toFieldErrors(parsed.error).map((error) => schemaRowError(row, rosterFieldOfStore, error))),
    };
  }
  const { newDealerName: _none, ...record } = parsed.data;
  return { id: newId(), create: record };
}

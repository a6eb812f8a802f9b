import { checkGuideDates } from '../../shared/guides/guide-rules';
import type { ValueChange } from '../../shared/imports/import-schema';
import { normalizePhone } from '../../shared/validation/common';
import type { Database } from '../db/database';
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

/** Roster field → guides column; only columns the file has are compared and written. */
const guideColumns: Record<string, string> = {
  guideName: 'name',
  role: 'role',
  hireDate: 'hire_date',
  phone: 'phone',
  wecomAccount: 'wecom_account',
  employment: 'employment',
  leftOn: 'left_on',
};

/** Plans one roster row: creates or updates a guide by 工号 (and its store, when asked to). */
export function planRosterRow(row: CoercedRow, context: RosterPlanContext): RowOutcome {
  const v = row.values;
  const staffNo = typeof v.staffNo === 'string' ? v.staffNo : null;
  if (!staffNo) return rejected([rowError(row, 'staffNo', 'missingValue')]);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(staffNo)) return rejected([rowError(row, 'staffNo', 'codeFormat')]);
  if (!v.guideName) return rejected([rowError(row, 'guideName', 'missingValue')]);
  const first = context.seen.get(staffNo);
  if (first !== undefined) return rejected([rowError(row, 'staffNo', 'duplicateRow', { first })]);
  context.seen.set(staffNo, row.rowNumber);

  const values: Record<string, string | number | null> = { ...v };
  if (typeof values.phone === 'string') {
    values.phone = normalizePhone(values.phone);
    if (!/^1[3-9]\d{9}$/.test(values.phone)) return rejected([rowError(row, 'phone', 'phoneFormat')]);
  }
  if (values.leftOn && !values.employment) values.employment = 'left';
  const dateErrors = checkGuideDates(
    {
      hireDate: (values.hireDate as string | null) ?? null,
      leftOn: (values.leftOn as string | null) ?? null,
      employment: (values.employment as 'active' | 'left' | null) ?? 'active',
    },
    context.today,
  ).filter((error) => error.rule === 'futureDate');
  if (dateErrors.length > 0)
    return rejected(dateErrors.map((error) => rowError(row, error.field, 'futureDate', { today: context.today })));

  const existing = context.db.get<Record<string, unknown>>('SELECT * FROM guides WHERE staff_no = ?', [staffNo]);
  if (existing?.archived_at) return rejected([rowError(row, 'staffNo', 'archivedGuide', { label: staffNo })]);
  // Last, because it may plan a new store that later rows rely on.
  const writes: PlannedWrite[] = [];
  const storeId = resolveStore(row, context, writes);
  if (typeof storeId !== 'string') return storeId;
  if (!existing) {
    const id = newId();
    const insert: Record<string, unknown> = {
      id,
      staff_no: staffNo,
      store_id: storeId,
      name: values.guideName,
      role: values.role ?? 'guide',
      hire_date: values.hireDate ?? null,
      phone: values.phone ?? null,
      wecom_account: values.wecomAccount ?? null,
      employment: values.employment ?? 'active',
      left_on: values.leftOn ?? null,
      created_at: context.at,
      updated_at: context.at,
    };
    writes.push({ table: 'guides', rowId: id, values: insert, previous: null });
    return { status: 'imported', writes, changes: [] };
  }

  const update: Record<string, unknown> = {};
  const changes: ValueChange[] = [];
  const label = `${staffNo} ${String(values.guideName)}`;
  const compare = (field: string, column: string, next: unknown) => {
    if (existing[column] !== next) {
      update[column] = next;
      changes.push({
        row: row.rowNumber,
        key: label,
        field,
        before: (existing[column] as string | null) ?? null,
        after: (next as string | null) ?? null,
      });
    }
  };
  if (existing.store_id !== storeId) {
    // Shown by code: the ids mean nothing to the person reading before → after.
    update.store_id = storeId;
    changes.push({
      row: row.rowNumber,
      key: label,
      field: 'storeCode',
      before: context.identity.storeCodeOf(existing.store_id as string),
      after: context.identity.storeCodeOf(storeId),
    });
  }
  for (const [field, column] of Object.entries(guideColumns)) {
    // Employment is also set by a 离职日期 alone (above), as it is for a new guide.
    const given = field in row.headers || field === 'employment';
    if (given && values[field] !== null && values[field] !== undefined) compare(field, column, values[field]);
  }
  if (changes.length === 0 && writes.length === 0) return { status: 'unchanged', writes, changes };
  if (changes.length > 0) {
    update.updated_at = context.at;
    writes.push({ table: 'guides', rowId: existing.id as string, values: update, previous: existing });
  }
  return { status: 'updated', writes, changes };
}

/** The guide's store by code or name; creates it when the user said so and the code is known. */
function resolveStore(row: CoercedRow, context: RosterPlanContext, writes: PlannedWrite[]): string | RowOutcome {
  const storeCode = typeof row.values.storeCode === 'string' ? row.values.storeCode : null;
  const storeName = typeof row.values.storeName === 'string' ? row.values.storeName : null;
  if (!storeCode && !storeName) return rejected([rowError(row, 'storeCode', 'missingValue')]);
  const match = context.identity.matchStore({ storeCode, storeName });
  if (match.kind === 'found') {
    if (context.identity.storeIsArchived(match.storeId)) {
      return rejected([
        rowError(row, storeCode ? 'storeCode' : 'storeName', 'archivedStore', { label: storeCode ?? storeName ?? '' }),
      ]);
    }
    return match.storeId;
  }
  const label = storeCode ?? storeName ?? '';
  if (!context.createMissing || !storeCode) {
    return rejected([rowError(row, storeCode ? 'storeCode' : 'storeName', 'unknownStore', { label })], {
      store: label,
    });
  }
  const planned = context.createdStores.get(storeCode);
  if (planned) return planned;
  const id = newId();
  writes.push({
    table: 'stores',
    rowId: id,
    previous: null,
    values: {
      id,
      code: storeCode,
      name: storeName ?? storeCode,
      region: typeof row.values.region === 'string' ? row.values.region : context.workspaceRegion,
      store_type: 'direct',
      pilot_wave: 'none',
      created_at: context.at,
      updated_at: context.at,
    },
  });
  context.createdStores.set(storeCode, id);
  context.identity.addStore({ id, code: storeCode, name: storeName ?? storeCode });
  return id;
}

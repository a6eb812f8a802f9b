import type { Guide, GuideValues } from '../../shared/guides/guide-schema';
import type { Database } from '../db/database';

// Columns are aliased to the contract's names so 10,000 rows need no mapping pass; a store's
// region and dealer are not repeated per guide (the console has the stores already).
const guideSelect = `SELECT g.id, g.staff_no AS staffNo, g.name, g.store_id AS storeId,
  s.code AS storeCode, s.name AS storeName, g.role, g.hire_date AS hireDate, g.phone,
  g.wecom_account AS wecomAccount, g.employment, g.left_on AS leftOn,
  CASE WHEN g.archived_at IS NULL THEN 'active' ELSE 'archived' END AS status
  FROM guides g JOIN stores s ON s.id = g.store_id`;

export function listGuides(db: Database, storeId?: string): Guide[] {
  if (storeId)
    return db.all<Guide>(`${guideSelect} WHERE g.store_id = ? ORDER BY g.role = 'manager' DESC, g.staff_no`, [storeId]);
  return db.all<Guide>(`${guideSelect} ORDER BY s.code, g.staff_no`);
}

export function findGuide(db: Database, id: string): Guide | undefined {
  return db.get<Guide>(`${guideSelect} WHERE g.id = ?`, [id]);
}

export function findGuideByStaffNo(db: Database, staffNo: string): Guide | undefined {
  return db.get<Guide>(`${guideSelect} WHERE g.staff_no = ?`, [staffNo]);
}

export function insertGuide(db: Database, id: string, values: GuideValues, at: string): void {
  db.run(
    `INSERT INTO guides (id, staff_no, name, store_id, role, hire_date, phone, wecom_account,
       employment, left_on, created_at, updated_at)
     VALUES (@id, @staffNo, @name, @storeId, @role, @hireDate, @phone, @wecomAccount,
       @employment, @leftOn, @at, @at)`,
    { id, ...values, at },
  );
}

export function updateGuide(db: Database, id: string, values: GuideValues, at: string): void {
  db.run(
    `UPDATE guides SET staff_no = @staffNo, name = @name, store_id = @storeId, role = @role,
       hire_date = @hireDate, phone = @phone, wecom_account = @wecomAccount,
       employment = @employment, left_on = @leftOn, updated_at = @at
     WHERE id = @id`,
    { id, ...values, at },
  );
}

export function setGuideArchived(db: Database, id: string, archivedAt: string | null, at: string): void {
  db.run('UPDATE guides SET archived_at = ?, updated_at = ? WHERE id = ?', [archivedAt, at, id]);
}

/** A guide as its table holds it, column by column: what an import keeps to undo and compares later. */
export type GuideRow = Record<string, unknown> & {
  id: string;
  staff_no: string;
  name: string;
  store_id: string;
  archived_at: string | null;
  updated_at: string;
};

/** Columns a stored row may put back (undo of an import); anything else is refused. */
const guideRowColumns = new Set([
  'staff_no',
  'name',
  'store_id',
  'role',
  'hire_date',
  'phone',
  'wecom_account',
  'employment',
  'left_on',
  'archived_at',
  'created_at',
  'updated_at',
]);

export function guideRow(db: Database, id: string): GuideRow | undefined {
  return db.get<GuideRow>('SELECT * FROM guides WHERE id = ?', [id]);
}

export function guideRowByStaffNo(db: Database, staffNo: string): GuideRow | undefined {
  return db.get<GuideRow>('SELECT * FROM guides WHERE staff_no = ?', [staffNo]);
}

/** Writes the given stored columns back as they were (undo). */
export function putGuideColumns(db: Database, id: string, columns: Record<string, unknown>): void {
  const names = Object.keys(columns);
  if (names.length === 0) return;
  const unknown = names.find((name) => !guideRowColumns.has(name));
  if (unknown) throw new Error(`guides has no column ${unknown} to put back`);
  db.run(`UPDATE guides SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`, {
    ...columns,
    id,
  });
}

/** Removes a guide nothing refers to (undo of the import that created it). */
export function deleteGuide(db: Database, id: string): void {
  db.run('DELETE FROM guides WHERE id = ?', [id]);
}

/** Guides on the roster with whether they (or their store) are archived, for the weekly figures. */
export interface RosterGuide {
  id: string;
  staffNo: string;
  name: string;
  storeId: string;
  storeCode: string;
  storeName: string;
  employment: 'active' | 'left';
  archived: number;
}

export function rosterGuides(db: Database): RosterGuide[] {
  return db.all<RosterGuide>(
    `SELECT g.id, g.staff_no AS staffNo, g.name, g.store_id AS storeId, s.code AS storeCode, s.name AS storeName,
       g.employment, (g.archived_at IS NOT NULL OR s.archived_at IS NOT NULL) AS archived
     FROM guides g JOIN stores s ON s.id = g.store_id
     ORDER BY s.code, g.staff_no`,
  );
}

export function countActiveGuides(db: Database): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM guides WHERE archived_at IS NULL')?.n ?? 0;
}

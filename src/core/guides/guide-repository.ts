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

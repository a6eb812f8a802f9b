import type { PilotWave, Store, StoreRecordValues } from '../../shared/stores/store-schema';
import type { Database } from '../db/database';

const storeColumns = `
  s.id, s.code, s.name, s.region, s.city, s.store_type AS storeType, s.dealer_id AS dealerId,
  d.name AS dealerName, s.pilot_wave AS pilotWave, s.opened_on AS openedOn,
  CASE WHEN s.archived_at IS NULL THEN 'active' ELSE 'archived' END AS status,
  (SELECT count(*) FROM guides g
    WHERE g.store_id = s.id AND g.archived_at IS NULL AND g.employment = 'active') AS activeGuides,
  s.created_at AS createdAt, s.updated_at AS updatedAt`;

const storeSelect = `SELECT ${storeColumns} FROM stores s LEFT JOIN dealers d ON d.id = s.dealer_id`;

export function listStores(db: Database): Store[] {
  return db.all<Store>(`${storeSelect} ORDER BY s.code`);
}

export function findStore(db: Database, id: string): Store | undefined {
  return db.get<Store>(`${storeSelect} WHERE s.id = ?`, [id]);
}

export function findStoreByCode(db: Database, code: string): Store | undefined {
  return db.get<Store>(`${storeSelect} WHERE s.code = ?`, [code]);
}

export function insertStore(db: Database, id: string, values: StoreRecordValues, at: string): void {
  db.run(
    `INSERT INTO stores (id, code, name, region, city, store_type, dealer_id, pilot_wave, opened_on, created_at, updated_at)
     VALUES (@id, @code, @name, @region, @city, @storeType, @dealerId, @pilotWave, @openedOn, @at, @at)`,
    { id, ...values, at },
  );
}

export function updateStore(db: Database, id: string, values: StoreRecordValues, at: string): void {
  db.run(
    `UPDATE stores SET code = @code, name = @name, region = @region, city = @city,
       store_type = @storeType, dealer_id = @dealerId, pilot_wave = @pilotWave,
       opened_on = @openedOn, updated_at = @at
     WHERE id = @id`,
    { id, ...values, at },
  );
}

export function setStoreArchived(db: Database, id: string, archivedAt: string | null, at: string): void {
  db.run('UPDATE stores SET archived_at = ?, updated_at = ? WHERE id = ?', [archivedAt, at, id]);
}

export interface ActiveStore {
  id: string;
  code: string;
  name: string;
  region: string;
  pilotWave: PilotWave;
}

/** Archived stores leave the figures, the medians and the tier map. */
export function activeStores(db: Database): ActiveStore[] {
  return db.all<ActiveStore>(
    'SELECT id, code, name, region, pilot_wave AS pilotWave FROM stores WHERE archived_at IS NULL ORDER BY code',
  );
}

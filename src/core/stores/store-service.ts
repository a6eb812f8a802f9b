import { PilotDeskError, type FieldError } from '../../shared/api/result';
import type { PilotWaveChanges, Store, StoreRecordValues, StoreValues } from '../../shared/stores/store-schema';
import type { Database } from '../db/database';
import { findDealer, findDealerByName, insertDealer } from '../dealers/dealer-repository';
import { newId } from '../ids';
import {
  findStore,
  findStoreByCode,
  insertStore,
  setStoreArchived,
  setStorePilotWave,
  updateStore,
} from './store-repository';

/** Rules that need the database: unique codes, an existing dealer, a dealer for franchise stores. */
function checkStore(db: Database, values: StoreRecordValues, selfId: string | null): void {
  const errors: FieldError[] = [];
  const sameCode = findStoreByCode(db, values.code);
  if (sameCode && sameCode.id !== selfId) {
    errors.push({ field: 'code', rule: 'duplicate', params: { other: sameCode.name } });
  }
  if (values.dealerId && !findDealer(db, values.dealerId)) {
    errors.push({ field: 'dealerId', rule: 'notFound' });
  }
  if (values.storeType === 'franchise' && !values.dealerId) {
    errors.push({ field: 'dealerId', rule: 'dealerRequired' });
  }
  if (errors.length > 0) {
    const code = errors.some((e) => e.rule === 'duplicate') ? 'CONFLICT' : 'VALIDATION';
    throw new PilotDeskError(code, 'errors.fields', { owner: 'store' }, errors);
  }
}

/** Turns a dealer typed in the form into its id, creating it inside the caller's transaction. */
function resolveDealer(db: Database, values: StoreValues, at: string): StoreRecordValues {
  const { newDealerName, ...record } = values;
  if (!newDealerName) return record;
  const existing = findDealerByName(db, newDealerName);
  if (existing) return { ...record, dealerId: existing.id };
  const dealerId = newId();
  insertDealer(db, dealerId, newDealerName, at);
  return { ...record, dealerId };
}

export function requireStore(db: Database, id: string): Store {
  const store = findStore(db, id);
  if (!store)
    throw new PilotDeskError('NOT_FOUND', 'store.error.notFound', { id }, [{ field: 'id', rule: 'notFound' }]);
  return store;
}

export function createStore(db: Database, values: StoreValues, at: Date): Store {
  return db.transaction(() => {
    const record = resolveDealer(db, values, at.toISOString());
    checkStore(db, record, null);
    const id = newId();
    insertStore(db, id, record, at.toISOString());
    return requireStore(db, id);
  });
}

export function editStore(db: Database, id: string, values: StoreValues, at: Date): Store {
  return db.transaction(() => {
    requireStore(db, id);
    const record = resolveDealer(db, values, at.toISOString());
    checkStore(db, record, id);
    updateStore(db, id, record, at.toISOString());
    return requireStore(db, id);
  });
}

/** Archiving hides a store from daily work; its guides and facts stay for history. */
export function archiveStore(db: Database, id: string, archived: boolean, at: Date): Store {
  return db.transaction(() => {
    requireStore(db, id);
    const stamp = at.toISOString();
    setStoreArchived(db, id, archived ? stamp : null, stamp);
    return requireStore(db, id);
  });
}

/**
 * Sets the rollout wave of many stores in one transaction (all or nothing) and returns the waves
 * they had, which is exactly the change that undoes it.
 */
export function setPilotWaves(db: Database, changes: PilotWaveChanges['changes'], at: Date): PilotWaveChanges {
  return db.transaction(() => {
    const stamp = at.toISOString();
    const previous = changes.map((change, index) => {
      const store = findStore(db, change.id);
      if (!store) {
        throw new PilotDeskError('NOT_FOUND', 'store.error.notFound', { id: change.id }, [
          { field: `changes.${index}.id`, rule: 'notFound' },
        ]);
      }
      return { id: change.id, pilotWave: store.pilotWave };
    });
    for (const change of changes) setStorePilotWave(db, change.id, change.pilotWave, stamp);
    return { changes: previous };
  });
}

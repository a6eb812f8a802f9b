import { PilotDeskError, type FieldError } from '../../shared/api/result';
import { checkGuideDates } from '../../shared/guides/guide-rules';
import type { Guide, GuideValues } from '../../shared/guides/guide-schema';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { findStore } from '../stores/store-repository';
import { findGuide, findGuideByStaffNo, insertGuide, setGuideArchived, updateGuide } from './guide-repository';

export interface GuideRuleContext {
  /** Today in the workspace's time zone: hire dates after it are refused. */
  today: string;
}

function checkGuide(db: Database, values: GuideValues, selfId: string | null, context: GuideRuleContext): void {
  const errors: FieldError[] = [...checkGuideDates(values, context.today)];
  const sameStaffNo = findGuideByStaffNo(db, values.staffNo);
  if (sameStaffNo && sameStaffNo.id !== selfId) {
    errors.push({
      field: 'staffNo',
      rule: 'duplicate',
      params: { other: `${sameStaffNo.name}（${sameStaffNo.storeName}）` },
    });
  }
  const store = findStore(db, values.storeId);
  if (!store) {
    errors.push({ field: 'storeId', rule: 'notFound' });
  } else if (store.status === 'archived') {
    const current = selfId ? findGuide(db, selfId) : undefined;
    // A guide may stay in a store archived after they joined; only new assignments are refused.
    if (current?.storeId !== store.id) {
      errors.push({ field: 'storeId', rule: 'archivedStore', params: { store: store.name } });
    }
  }
  if (errors.length > 0) {
    const code = errors.some((e) => e.rule === 'duplicate') ? 'CONFLICT' : 'VALIDATION';
    throw new PilotDeskError(code, 'errors.fields', { owner: 'guide' }, errors);
  }
}

export function requireGuide(db: Database, id: string): Guide {
  const guide = findGuide(db, id);
  if (!guide)
    throw new PilotDeskError('NOT_FOUND', 'guide.error.notFound', { id }, [{ field: 'id', rule: 'notFound' }]);
  return guide;
}

export function createGuide(db: Database, values: GuideValues, at: Date, context: GuideRuleContext): Guide {
  return db.transaction(() => {
    checkGuide(db, values, null, context);
    const id = newId();
    insertGuide(db, id, values, at.toISOString());
    return requireGuide(db, id);
  });
}

export function editGuide(db: Database, id: string, values: GuideValues, at: Date, context: GuideRuleContext): Guide {
  return db.transaction(() => {
    requireGuide(db, id);
    checkGuide(db, values, id, context);
    updateGuide(db, id, values, at.toISOString());
    return requireGuide(db, id);
  });
}

export function archiveGuide(db: Database, id: string, archived: boolean, at: Date): Guide {
  return db.transaction(() => {
    requireGuide(db, id);
    const stamp = at.toISOString();
    setGuideArchived(db, id, archived ? stamp : null, stamp);
    return requireGuide(db, id);
  });
}

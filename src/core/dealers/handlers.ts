import { PilotDeskError } from '../../shared/api/result';
import { defineHandlers } from '../api/handlers';
import { newId } from '../ids';
import { findDealer, findDealerByName, insertDealer, listDealers } from './dealer-repository';

export const dealerHandlers = defineHandlers('dealers', {
  'dealers.list': (_input, { session }) => listDealers(session.requireDb()),
  'dealers.create': ({ name }, { session, now }) => {
    const db = session.requireDb();
    const existing = findDealerByName(db, name);
    if (existing) {
      throw new PilotDeskError('CONFLICT', 'store.error.dealerExists', { name }, [
        { field: 'name', rule: 'duplicate', params: { other: existing.name } },
      ]);
    }
    const id = newId();
    insertDealer(db, id, name, now().toISOString());
    return findDealer(db, id)!;
  },
});

import { defineHandlers } from '../api/handlers';
import { listGuides } from '../guides/guide-repository';
import { listStores } from './store-repository';
import { archiveStore, createStore, editStore, requireStore, setPilotWaves } from './store-service';

export const storeHandlers = defineHandlers('stores', {
  'stores.list': (_input, { session }) => listStores(session.requireDb()),
  'stores.get': ({ id }, { session }) => {
    const db = session.requireDb();
    return { store: requireStore(db, id), guides: listGuides(db, id) };
  },
  'stores.create': (values, { session, now }) => createStore(session.requireDb(), values, now()),
  'stores.update': ({ id, ...values }, { session, now }) => editStore(session.requireDb(), id, values, now()),
  'stores.archive': ({ id }, { session, now }) => archiveStore(session.requireDb(), id, true, now()),
  'stores.restore': ({ id }, { session, now }) => archiveStore(session.requireDb(), id, false, now()),
  'stores.setPilotWaves': ({ changes }, { session, now }) => setPilotWaves(session.requireDb(), changes, now()),
});

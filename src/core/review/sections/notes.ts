import { defineSection } from '../review-context';

/** 6. Notes: what the trainer wrote, overall and per store (only stores still in the review). */
export const notesSection = defineSection({
  key: 'notes',
  build({ notes, stores }) {
    const active = new Set(stores.stores.map((store) => store.storeId));
    return { overall: notes.overall, stores: notes.stores.filter((entry) => active.has(entry.storeId)) };
  },
});

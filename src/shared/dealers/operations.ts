import { z } from 'zod';
import { defineOperations, noInput, operation } from '../api/operation';
// A dealer is part of a store's record, so its schema lives with the store's.
import { dealerInputSchema, dealerSchema } from '../stores/store-schema';

export const dealersOperations = defineOperations('dealers', {
  'dealers.list': operation(noInput, z.array(dealerSchema)),
  'dealers.create': operation(dealerInputSchema, dealerSchema),
});

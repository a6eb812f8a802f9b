import type { z } from 'zod';
import { backupsOperations } from '../backups/operations';
import { dealersOperations } from '../dealers/operations';
import { guidesOperations } from '../guides/operations';
import { importsOperations } from '../imports/operations';
import { jobsOperations } from '../jobs/operations';
import { metricsOperations } from '../metrics/operations';
import { preferencesOperations } from '../preferences/operations';
import { reviewOperations } from '../review/operations';
import { storesOperations } from '../stores/operations';
import { tiersOperations } from '../tiers/operations';
import { workspaceOperations } from '../workspace/operations';
import { gatherOperations } from './operation';

export { type Operation } from './operation';

/**
 * Every operation the console can ask of the core, gathered from the domains: each declares its
 * own in `shared/<domain>/operations.ts`, and this list only names the domains.
 */
export const contract = gatherOperations([
  workspaceOperations,
  backupsOperations,
  preferencesOperations,
  dealersOperations,
  storesOperations,
  guidesOperations,
  importsOperations,
  jobsOperations,
  metricsOperations,
  tiersOperations,
  reviewOperations,
]);

export type Contract = typeof contract;
export type OperationName = keyof Contract & string;
/** The domains' prefixes: `stores` for `stores.list`. */
export type Namespace = OperationName extends `${infer N}.${string}` ? N : never;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives: the input after the schema's defaults and transforms. */
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Contract[N]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];

const known = new Set<string>(operationNames);

export function isOperationName(name: string): name is OperationName {
  return known.has(name);
}

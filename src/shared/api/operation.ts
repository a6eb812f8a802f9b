import { z } from 'zod';
import { idSchema } from '../validation/common';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> {
  return { input, output };
}

/**
 * One domain's operations, keyed by their full names (`'stores.list'`) so that searching for a
 * name finds its declaration; a key outside the domain's namespace does not compile.
 */
export function defineOperations<
  P extends string,
  const O extends { [K in keyof O]: K extends `${P}.${string}` ? Operation : never },
>(namespace: P, operations: O): O {
  for (const name of Object.keys(operations)) {
    if (!name.startsWith(`${namespace}.`)) throw new Error(`${name} is not a ${namespace}.* operation`);
  }
  return operations;
}

type Merged<Groups extends readonly object[]> = Groups extends readonly [
  infer First extends object,
  ...infer Rest extends readonly object[],
]
  ? First & Merged<Rest>
  : unknown;

/** The domains' operations as one object; the same name declared twice is an error at startup. */
export function gatherOperations<const Groups extends readonly Record<string, Operation>[]>(
  groups: Groups,
): { [K in keyof Merged<Groups>]: Merged<Groups>[K] } {
  const gathered: Record<string, Operation> = {};
  for (const group of groups) {
    for (const [name, declared] of Object.entries(group)) {
      if (name in gathered) throw new Error(`operation ${name} is declared twice`);
      gathered[name] = declared;
    }
  }
  return gathered as { [K in keyof Merged<Groups>]: Merged<Groups>[K] };
}

/** The input of operations that take none: nothing, or an empty object. */
export const noInput = z.object({}).strict().optional();
export const byId = z.object({ id: idSchema });
/** A file made by the core for the user to save (a template, rejected rows). */
export const fileDownloadSchema = z.object({ fileName: z.string(), contentBase64: z.string() });

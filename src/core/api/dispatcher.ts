import { contract, isOperationName, operationNames, type OperationName } from '../../shared/api/contract';
import { PilotDeskError, type ApiResult } from '../../shared/api/result';
import { fieldErrorsKey, fieldOwnerOf } from '../../shared/i18n/translate';
import { toFieldErrors } from '../../shared/validation/field-errors';
import type { HandlerContext } from './handler-context';
import type { Handler, Handlers, Namespace } from './handlers';

export interface DispatcherOptions {
  /** Check every result against the contract too: on in tests, off where speed matters. */
  validateOutputs?: boolean;
  onInternalError?: (operation: string, error: unknown) => void;
}

export interface Dispatcher {
  call(operation: string, input: unknown): Promise<ApiResult<unknown>>;
}

type NamespaceOf<Name> = Name extends `${infer P}.${string}` ? P : never;
/** Every namespace that some group in `Groups` handles. */
type Covered<Groups extends readonly object[]> = { [I in keyof Groups]: NamespaceOf<keyof Groups[I]> }[number];

/**
 * Merges the domains' handler groups, listed once (core-services.ts). A namespace of the contract
 * without its group does not compile; a name handled twice, or not at all, fails at startup.
 */
export function combineHandlers<const Groups extends readonly Partial<Handlers>[]>(
  groups: Groups & (Namespace extends Covered<Groups> ? unknown : { missing: Exclude<Namespace, Covered<Groups>> }),
): Handlers {
  const merged: Partial<Record<OperationName, unknown>> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (name in merged) throw new Error(`two handlers for ${name}`);
      merged[name as OperationName] = handler;
    }
  }
  const missing = operationNames.filter((name) => !(name in merged));
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`);
  return merged as Handlers;
}

/**
 * The single entry to the core for every transport: rejects unknown operations, validates the
 * input against the contract before the handler runs, and turns every failure into data.
 */
export function createDispatcher(
  handlers: Handlers,
  context: HandlerContext,
  options: DispatcherOptions = {},
): Dispatcher {
  return {
    async call(operation, rawInput) {
      if (!isOperationName(operation)) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_OPERATION', key: 'errors.unknownOperation', params: { operation } },
        };
      }
      const declared = contract[operation];
      const parsed = declared.input.safeParse(rawInput ?? undefined);
      if (!parsed.success) {
        const fields = toFieldErrors(parsed.error);
        const owner = fieldOwnerOf(operation);
        return {
          ok: false,
          error: { code: 'VALIDATION', key: fieldErrorsKey, params: owner ? { owner } : {}, fields },
        };
      }
      try {
        const handler = handlers[operation] as Handler<OperationName>;
        const data: unknown = await handler(parsed.data as never, context);
        if (options.validateOutputs) declared.output.parse(data);
        return { ok: true, data };
      } catch (error) {
        if (error instanceof PilotDeskError) return { ok: false, error: error.toApiError() };
        options.onInternalError?.(operation, error);
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'INTERNAL', key: 'errors.internal', params: { detail } } };
      }
    },
  };
}

import {
  operationNames,
  type Namespace,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './contract';
import type { ApiError, ApiResult } from './result';

/** Sends one call over some transport (IPC in the desktop app, HTTP in browser mode). */
export type Transport = (operation: OperationName, input: unknown) => Promise<ApiResult<unknown>>;

export class ApiCallError extends Error {
  constructor(
    readonly operation: OperationName,
    readonly error: ApiError,
  ) {
    super(`${operation}: ${error.key}`);
    this.name = 'ApiCallError';
  }
}

type MethodsOf<N extends Namespace> = {
  [K in OperationName as K extends `${N}.${infer M}` ? M : never]: undefined extends OperationInput<K>
    ? (input?: OperationInput<K>) => Promise<OperationOutput<K>>
    : (input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** `api.stores.list()`: one typed function per operation in the contract. */
export type PilotDeskApi = { [N in Namespace]: MethodsOf<N> };

export function createApiClient(transport: Transport): PilotDeskApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    const [namespace, method] = name.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = async (input?: unknown) => {
      const result = await transport(name, input);
      if (!result.ok) throw new ApiCallError(name, result.error);
      return result.data;
    };
  }
  return api as unknown as PilotDeskApi;
}

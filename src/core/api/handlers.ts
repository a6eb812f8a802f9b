import type { Namespace, OperationName, OperationOutput, ParsedInput } from '../../shared/api/contract';
import type { HandlerContext } from './handler-context';

export type Handler<N extends OperationName> = (
  input: ParsedInput<N>,
  context: HandlerContext,
) => OperationOutput<N> | Promise<OperationOutput<N>>;

export type { Namespace };

/** All handlers of one domain, e.g. every `stores.*` operation: a missing one does not compile. */
export type HandlerGroup<P extends Namespace> = {
  [N in OperationName as N extends `${P}.${string}` ? N : never]: Handler<N>;
};

export type Handlers = { [N in OperationName]: Handler<N> };

/** Declares one domain's handlers beside its code (`core/stores/handlers.ts`). */
export function defineHandlers<P extends Namespace>(_namespace: P, group: HandlerGroup<P>): HandlerGroup<P> {
  return group;
}

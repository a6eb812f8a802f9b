import type { OperationInput, OperationName, OperationOutput } from '../../../src/shared/api/contract';
import type { ApiError } from '../../../src/shared/api/result';
import { createCore, type Core } from '../../../src/core/api/core-services';
import { onTestFinished } from 'vitest';
import { makeTempDir, removeDir } from './temp-dir';

/** The clock every test core runs on: a Monday, 18:00 in Shanghai, the day after ISO week 2026-W47 ended. */
export const fixedNow = new Date('2026-11-23T10:00:00Z');

export interface TestCore extends Core {
  dataDir: string;
  /** Errors the dispatcher reported as INTERNAL, kept so a failing assertion can show them. */
  internalErrors: unknown[];
}

/**
 * A real core on a real data folder (its own temp folder unless one is given), checking every
 * result against the contract, with time fixed at `now`.
 */
export function buildTestCore(options: { dataDir?: string; now?: Date } = {}): TestCore {
  const dataDir = options.dataDir ?? makeTempDir();
  const now = options.now ?? fixedNow;
  const internalErrors: unknown[] = [];
  const core = createCore({
    dataDir,
    validateOutputs: true,
    now: () => new Date(now.getTime()),
    onInternalError: (_operation, error) => internalErrors.push(error),
  });
  return Object.assign(core, { dataDir, internalErrors });
}

/** `buildTestCore` for one test: closed (and its own folder removed) when the test finishes. */
export function createTestCore(options: { dataDir?: string; now?: Date } = {}): TestCore {
  const core = buildTestCore(options);
  onTestFinished(() => {
    core.close();
    if (!options.dataDir) removeDir(core.dataDir);
  });
  return core;
}

/** Calls an operation the way a transport would and returns its data, failing loudly on an error. */
export async function callOk<N extends OperationName>(
  core: Core,
  operation: N,
  input?: OperationInput<N>,
): Promise<OperationOutput<N>> {
  const result = await core.dispatcher.call(operation, input);
  if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
  return result.data as OperationOutput<N>;
}

/** Calls an operation that must fail and returns its error. */
export async function callError(core: Core, operation: string, input?: unknown): Promise<ApiError> {
  const result = await core.dispatcher.call(operation, input);
  if (result.ok) throw new Error(`${operation} unexpectedly succeeded: ${JSON.stringify(result.data)}`);
  return result.error;
}

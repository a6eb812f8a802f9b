import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { combineHandlers } from '../../src/core/api/dispatcher';
import { handlers } from '../../src/core/api/core-services';
import { storeHandlers } from '../../src/core/stores/handlers';
import { buildBridge } from '../../src/shared/api/bridge';
import { contract, operationNames, type OperationName } from '../../src/shared/api/contract';
import { defineOperations, gatherOperations, operation, type Operation } from '../../src/shared/api/operation';

const projectRoot = resolve(import.meta.dirname, '../..');
const sharedDir = join(projectRoot, 'src/shared');

/** Every `shared/<domain>/operations.ts` on disk, with the operation groups it exports. */
async function domainOperationFiles(): Promise<{ domain: string; groups: Record<string, Operation>[] }[]> {
  const domains = readdirSync(sharedDir).filter((domain) => existsSync(join(sharedDir, domain, 'operations.ts')));
  return Promise.all(
    domains.map(async (domain) => {
      const exported = (await import(join(sharedDir, domain, 'operations.ts'))) as Record<string, unknown>;
      return { domain, groups: Object.values(exported) as Record<string, Operation>[] };
    }),
  );
}

describe('the contract gathered from the domains', () => {
  it("holds every domain's operations, each the very declaration of its domain file, and nothing else", async () => {
    const files = await domainOperationFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const declared: string[] = [];
    for (const { domain, groups } of files) {
      expect(groups, `${domain}/operations.ts exports one group`).toHaveLength(1);
      for (const [name, op] of Object.entries(groups[0]!)) {
        expect(name.startsWith(`${domain}.`), `${name} in ${domain}/operations.ts`).toBe(true);
        expect(contract[name as OperationName], name).toBe(op);
        declared.push(name);
      }
    }
    // Equal lengths and sets: no name is declared twice, none comes from outside a domain file.
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...operationNames].sort());
    expect(operationNames.length).toBe(Object.keys(contract).length);
  });

  it('refuses the same name declared twice, and a name outside its namespace', () => {
    const one = { 'demo.list': operation(z.undefined(), z.null()) };
    expect(() => gatherOperations([one, { 'demo.list': operation(z.string(), z.null()) }])).toThrow(
      /demo\.list is declared twice/,
    );
    expect(() => defineOperations('demo', { 'other.list': operation(z.undefined(), z.null()) } as never)).toThrow(
      /other\.list is not a demo\.\* operation/,
    );
  });

  it('has a handler for exactly its operations, each domain in its own core folder', () => {
    expect(Object.keys(handlers).sort()).toEqual([...operationNames].sort());
    const namespaces = new Set(operationNames.map((name) => name.split('.')[0]!));
    for (const namespace of namespaces) {
      expect(existsSync(join(projectRoot, 'src/core', namespace, 'handlers.ts')), namespace).toBe(true);
      expect(existsSync(join(sharedDir, namespace, 'operations.ts')), namespace).toBe(true);
    }
    expect(() => combineHandlers([storeHandlers, storeHandlers] as never)).toThrow(/two handlers for stores\./);
    expect(() => combineHandlers([storeHandlers] as never)).toThrow(/no handler for workspace\.current/);
  });
});

describe('the desktop bridge', () => {
  it('names one function per operation, grouped by namespace', async () => {
    const calls: [string, unknown][] = [];
    const bridge = buildBridge(operationNames, (name, input) => {
      calls.push([name, input]);
      return Promise.resolve({ ok: true, data: null });
    });
    await bridge.stores.list();
    await bridge.metrics.stores({ week: '2026-W47' });
    expect(calls).toEqual([
      ['stores.list', undefined],
      ['metrics.stores', { week: '2026-W47' }],
    ]);
    const named = Object.entries(bridge).flatMap(([namespace, methods]) =>
      Object.keys(methods).map((method) => `${namespace}.${method}`),
    );
    expect(named.sort()).toEqual([...operationNames].sort());
  });

  it("is built into the preload with the contract's names and without zod or the schemas", async () => {
    const { default: config } = (await import('../../electron.vite.config')) as {
      default: { preload: { define: Record<string, string> } };
    };
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      root: projectRoot,
      define: config.preload.define,
      build: {
        write: false,
        minify: false,
        lib: { entry: join(projectRoot, 'electron/preload/index.ts'), formats: ['cjs'], fileName: 'index' },
        rollupOptions: { external: ['electron'] },
      },
    })) as Rollup.RollupOutput[];
    const modules = output.flatMap((each) =>
      each.output.flatMap((chunk) => ('modules' in chunk ? Object.keys(chunk.modules) : [])),
    );
    const code = output.flatMap((each) => each.output.map((chunk) => ('code' in chunk ? chunk.code : ''))).join('\n');
    expect(modules.some((id) => id.endsWith('src/shared/api/bridge.ts'))).toBe(true);
    expect(modules.filter((id) => id.includes('node_modules') || id.includes('/operations.ts'))).toEqual([]);
    for (const name of operationNames) expect(code, name).toContain(`"${name}"`);
    expect(code.length).toBeLessThan(8_000);
  });
});

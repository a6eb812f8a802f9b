import { describe, expect, it } from 'vitest';
import { callError, callOk, createTestCore } from './helpers/test-core';

describe('setting rollout waves in bulk', () => {
  it('moves stores into a wave in one go, returns the change that undoes it, and the dashboard groups follow', async () => {
    const core = createTestCore();
    await callOk(core, 'workspace.openDemo');
    const stores = await callOk(core, 'stores.list');
    const picked = stores.filter((store) => ['SH008', 'SH009', 'HZ007'].includes(store.code));
    const before = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(before.totals.pilot.storeCount).toBe(12);

    const undo = await callOk(core, 'stores.setPilotWaves', {
      changes: picked.map((store) => ({ id: store.id, pilotWave: 'pilot' })),
    });
    expect(undo.changes.map((change) => change.pilotWave).sort()).toEqual(['none', 'wave1', 'wave1']);
    const after = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(after.totals.pilot.storeCount).toBe(15);
    expect(after.totals.all.current).toEqual(before.totals.all.current);

    await callOk(core, 'stores.setPilotWaves', undo);
    const restored = await callOk(core, 'stores.list');
    expect(restored.map((store) => [store.code, store.pilotWave])).toEqual(
      stores.map((store) => [store.code, store.pilotWave]),
    );
  });

  it('changes nothing when one id is unknown, and says which', async () => {
    const core = createTestCore();
    await callOk(core, 'workspace.openDemo');
    const stores = await callOk(core, 'stores.list');
    const first = stores[0]!;
    const error = await callError(core, 'stores.setPilotWaves', {
      changes: [
        { id: first.id, pilotWave: 'wave2' },
        { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', pilotWave: 'wave2' },
      ],
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.fields).toEqual([{ field: 'changes.1.id', rule: 'notFound' }]);
    expect((await callOk(core, 'stores.list'))[0]!.pilotWave).toBe(first.pilotWave);

    const invalid = await callError(core, 'stores.setPilotWaves', { changes: [{ id: first.id, pilotWave: 'wave3' }] });
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.fields?.[0]).toMatchObject({ field: 'changes.0.pilotWave', rule: 'invalidOption' });
  });
});

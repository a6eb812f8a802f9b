import { join } from 'node:path';
import { createCore } from '../src/core/api/core-services';
import { describeError } from '../src/shared/i18n/translate';
import { listGuides } from '../src/core/guides/guide-repository';
import { largeWorkspace, tempDir } from '../tests/support/workspaces';
import { measure, ms } from './measure';

/**
 * Lists 10,200 guides (300 stores × 34) through the dispatcher, as the Guides page does, and
 * compares it with the repository's query alone: what the dispatcher adds on top.
 */
export async function benchGuidesList(): Promise<string[]> {
  const dir = tempDir('pilotdesk-bench-');
  const path = join(dir, 'large.pilotdesk');
  largeWorkspace(path, 300, 34);
  const core = createCore({ dataDir: dir });
  core.session.open(path);
  const db = core.session.requireDb();

  let rows = 0;
  const api = await measure(30, async () => {
    const result = await core.dispatcher.call('guides.list', undefined);
    if (!result.ok) throw new Error(describeError('zh-CN', result.error));
    rows = (result.data as unknown[]).length;
  });
  const floor = await measure(30, () => listGuides(db));
  core.close();
  return [
    `guides.list over the API: ${rows} guides, median ${ms(api.median)}, p95 ${ms(api.p95)} (target < 50 ms)`,
    `the same query without the API (repository call): median ${ms(floor.median)}; API ÷ query = ${(api.median / floor.median).toFixed(2)}`,
  ];
}

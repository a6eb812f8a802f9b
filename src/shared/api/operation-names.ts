/**
 * Every operation's name, without its schemas, so the preload can build `window.pilotdesk`
 * without bundling zod. `contract.ts` must declare exactly these names (a compile error otherwise).
 */
export const operationNames = [
  'workspace.current',
  'workspace.clock',
  'workspace.recent',
  'workspace.create',
  'workspace.openDemo',
  'workspace.open',
  'workspace.close',
  'backups.list',
  'backups.create',
  'backups.previewRestore',
  'backups.restore',
  'backups.damaged',
  'backups.restoreDamaged',
  'backups.salvageDamaged',
  'preferences.get',
  'preferences.update',
  'dealers.list',
  'dealers.create',
  'stores.list',
  'stores.get',
  'stores.create',
  'stores.update',
  'stores.archive',
  'stores.restore',
  'stores.setPilotWaves',
  'guides.list',
  'guides.get',
  'guides.create',
  'guides.update',
  'guides.archive',
  'guides.restore',
  'imports.templates',
  'imports.templateWorkbook',
  'imports.upload',
  'imports.preview',
  'imports.commit',
  'imports.rejectedWorkbook',
  'imports.list',
  'imports.describeUndo',
  'imports.undo',
  'jobs.cancel',
  'metrics.stores',
  'metrics.guides',
  'metrics.guideRankings',
  'metrics.freshness',
  'metrics.storeTrend',
  'metrics.weeksWithFigures',
  'tiers.settings',
  'tiers.previewRuleChange',
  'tiers.changeRule',
  'tiers.undoRuleChange',
  'tiers.updateProfiles',
  'review.get',
  'review.saveNotes',
  'review.export',
  'review.snapshot',
  'review.snapshotWorkbook',
  'review.paddingSettings',
  'review.updatePaddingSettings',
] as const;

export type OperationName = (typeof operationNames)[number];

const known = new Set<string>(operationNames);

export function isOperationName(name: string): name is OperationName {
  return known.has(name);
}

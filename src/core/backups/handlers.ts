import { PilotDeskError } from '../../shared/api/result';
import { defineHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/handler-context';
import { backupFolderOf, listBackups } from './backup-folder';
import { backupNow, requireBackup, restoreDamaged, restoreFromFile } from './backup-service';
import { assertRestorable, previewRestore } from './restore';
import { salvageWorkspace } from './salvage';

function changed(context: HandlerContext): void {
  context.uploads.clear();
  context.emit({ type: 'workspace.changed', workspaceId: context.session.current()?.id ?? null });
}

function requireDamaged(context: HandlerContext) {
  const damaged = context.session.damaged;
  if (!damaged) throw new PilotDeskError('NOT_FOUND', '没有需要恢复的损坏工作区');
  return damaged;
}

export const backupHandlers = defineHandlers('backups', {
  'backups.list': (_input, { session }) => {
    const folder = backupFolderOf(session.requireInfo().path);
    return { folder, backups: listBackups(folder) };
  },
  'backups.create': (_input, { session, now }) => backupNow(session, 'manual', now),
  'backups.previewRestore': ({ id }, { session }) => {
    const info = session.requireInfo();
    const backup = requireBackup(info.path, id);
    assertRestorable(backup.path, { full: false, nativeBinding: session.options.nativeBinding });
    return previewRestore(session.requireDb(), backup.info, backup.path, info.id, session.options.nativeBinding);
  },
  'backups.restore': async ({ id }, context) => {
    const backup = requireBackup(context.session.requireInfo().path, id);
    const { safetyBackup } = await restoreFromFile(context.session, backup.path, {
      now: context.now,
      busy: () => context.jobs.activeCount > 0,
    });
    changed(context);
    return { restored: backup.info, safetyBackup };
  },
  'backups.damaged': (_input, { session }) => {
    const damaged = session.damaged;
    return damaged ? { ...damaged, backups: listBackups(backupFolderOf(damaged.path)) } : null;
  },
  'backups.restoreDamaged': async ({ id }, context) => {
    await restoreDamaged(context.session, id, context.now);
    const info = context.session.requireInfo();
    context.preferences.rememberWorkspace({ path: info.path, name: info.name, isDemo: info.isDemo }, context.now());
    changed(context);
    return info;
  },
  'backups.salvageDamaged': (_input, context) =>
    salvageWorkspace(requireDamaged(context).path, context.now(), context.session.options.nativeBinding),
});

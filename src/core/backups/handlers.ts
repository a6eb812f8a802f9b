import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import { defineHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/handler-context';
import { backupFolderOf, listBackups } from './backup-folder';
import { backupNow, requireBackup, restoreDamaged, restoreDamagedFrom, restoreFromFile } from './backup-service';
import { makeBackup } from './make-backup';
import { assertRestorable, describeBackupFile, previewRestore } from './restore';
import { salvageWorkspace } from './salvage';

function changed(context: HandlerContext): void {
  context.uploads.clear();
  context.emit({ type: 'workspace.changed', workspaceId: context.session.current()?.id ?? null });
}

function requireDamaged(context: HandlerContext) {
  const damaged = context.session.damaged;
  if (!damaged) throw new PilotDeskError('NOT_FOUND', 'backup.error.nothingDamaged');
  return damaged;
}

export const backupHandlers = defineHandlers('backups', {
  'backups.list': (input, { session }) => {
    const folder = backupFolderOf(input?.path ? resolve(input.path) : session.requireInfo().path);
    return { folder, backups: listBackups(folder) };
  },
  'backups.create': async (input, { session, now }) => {
    if (!input?.outPath) return backupNow(session, 'manual', now);
    const outPath = resolve(input.outPath);
    // A copy the user named is theirs: never written over.
    if (existsSync(outPath)) {
      throw new PilotDeskError('CONFLICT', 'workspace.error.exists', { path: outPath }, undefined, {
        reason: 'exists',
        path: outPath,
      });
    }
    const info = session.requireInfo();
    return makeBackup(session.requireDb(), info, {
      kind: 'manual',
      at: now(),
      outPath,
      nativeBinding: session.options.nativeBinding,
    });
  },
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
  'backups.previewRestoreFrom': ({ file }, { session }) => {
    const info = session.requireInfo();
    const path = resolve(file);
    // Checked (quickly) on the way: a damaged file is refused before anything is compared.
    const backup = describeBackupFile(path, session.options.nativeBinding);
    return previewRestore(session.requireDb(), backup, path, info.id, session.options.nativeBinding);
  },
  'backups.restoreFrom': async ({ file }, context) => {
    const path = resolve(file);
    const restored = describeBackupFile(path, context.session.options.nativeBinding);
    const { safetyBackup } = await restoreFromFile(context.session, path, {
      now: context.now,
      busy: () => context.jobs.activeCount > 0,
    });
    changed(context);
    return { restored, safetyBackup };
  },
  'backups.restoreDamagedFrom': async ({ file }, context) => {
    requireDamaged(context);
    await restoreDamagedFrom(context.session, resolve(file), context.now);
    const info = context.session.requireInfo();
    context.preferences.rememberWorkspace({ path: info.path, name: info.name, isDemo: info.isDemo }, context.now());
    changed(context);
    return info;
  },
  'backups.salvageDamaged': (_input, context) =>
    salvageWorkspace(requireDamaged(context).path, context.now(), context.session.options.nativeBinding),
});

import { defineMessages } from '../i18n/define-messages';

/** The workspace and the welcome page. */
export const workspaceMessages = defineMessages({
  'zh-CN': {
    'welcome.title': '欢迎使用试验田工作台',
    'welcome.subtitle': '在一台笔记本上管好十几家试验田门店：门店与导购、每周数据、分层与复盘。',
    'welcome.openDemo': '打开示例工作区',
    'welcome.openDemoHint':
      '上海、杭州 12 家试验田门店（另有 4 家尚未试点的门店作对照）、约 120 名导购、8 周数据，一分钟看完每周闭环。',
    'welcome.createEmpty': '新建工作区',
    'welcome.createEmptyHint': '填写名称、区域和时区，然后导入花名册或手动添加门店。',
    'welcome.recent': '最近打开',
    'welcome.create': '创建',
    'welcome.cancel': '取消',
    'workspace.name': '工作区名称',
    'workspace.region': '区域',
    'workspace.timeZone': '时区',
    'workspace.path': '文件位置',
    'workspace.close': '关闭工作区',
    'workspace.created': '工作区已创建',
    'workspace.error.incomplete': '工作区文件不完整：{path}',
    'workspace.error.notOpen': '还没有打开工作区',
    'workspace.error.exists': '文件已存在：{path}',
    'workspace.error.damaged': '工作区文件已损坏（{problem}）：{path}',
    'workspace.error.unreadable': '无法读取',
    'workspace.error.headerDamaged': '文件头的 SQLite 标识已损坏',
    'workspace.error.corrupt': '文件已损坏或不是工作区：{path}',
    'workspace.error.missing': '工作区文件不存在：{path}',
    'workspace.error.notFile': '不是文件：{path}',
    'workspace.error.notWorkspace': '不是试验田工作台的工作区文件：{path}',
    'workspace.error.notDurable':
      '工作区没有以安全写入方式打开（journal_mode={journalMode}，synchronous={synchronous}；应为 wal 与 2）：{path}',
    'workspace.error.newerVersion':
      '这个工作区由更新版本的试验田工作台创建（数据版本 {version}，当前版本最多支持 {supported}），请先升级软件。',
    'workspace.error.migrationDrift': '工作区的数据结构与本版本不一致（迁移 {version} {name}），为保护数据已停止打开。',
    'workspace.error.upgradeFailed': '工作区升级失败（迁移 {version} {name}：{reason}），工作区保持原样',
    'workspace.error.upgradeFailedWithBackup':
      '工作区升级失败（迁移 {version} {name}：{reason}），工作区保持原样；升级前的备份：{backupPath}',
  },
  en: {
    'welcome.title': 'Welcome to PilotDesk',
    'welcome.subtitle':
      'Run a dozen pilot stores from one laptop: stores and guides, weekly figures, tiers and reviews.',
    'welcome.openDemo': 'Open the demo workspace',
    'welcome.openDemoHint':
      '12 pilot stores in Shanghai and Hangzhou (plus 4 not yet in the pilot, for comparison), about 120 guides, 8 weeks of figures: the weekly loop in a minute.',
    'welcome.createEmpty': 'Create a workspace',
    'welcome.createEmptyHint': 'Give it a name, region and time zone, then import a roster or add stores by hand.',
    'welcome.recent': 'Recent',
    'welcome.create': 'Create',
    'welcome.cancel': 'Cancel',
    'workspace.name': 'Workspace name',
    'workspace.region': 'Region',
    'workspace.timeZone': 'Time zone',
    'workspace.path': 'File',
    'workspace.close': 'Close workspace',
    'workspace.created': 'Workspace created',
    'workspace.error.incomplete': 'The workspace file is incomplete: {path}',
    'workspace.error.notOpen': 'No workspace is open',
    'workspace.error.exists': 'The file already exists: {path}',
    'workspace.error.damaged': 'The workspace file is damaged ({problem}): {path}',
    'workspace.error.unreadable': 'cannot be read',
    'workspace.error.headerDamaged': 'the SQLite signature in the file header is damaged',
    'workspace.error.corrupt': 'The file is damaged or is not a workspace: {path}',
    'workspace.error.missing': 'The workspace file does not exist: {path}',
    'workspace.error.notFile': 'Not a file: {path}',
    'workspace.error.notWorkspace': 'Not a PilotDesk workspace file: {path}',
    'workspace.error.notDurable':
      'The workspace was not opened for safe writes (journal_mode={journalMode}, synchronous={synchronous}; expected wal and 2): {path}',
    'workspace.error.newerVersion':
      'This workspace was created by a newer version of PilotDesk (data version {version}; this version supports up to {supported}). Please upgrade first.',
    'workspace.error.migrationDrift':
      "The workspace's structure does not match this version (migration {version} {name}); it was not opened, to protect the data.",
    'workspace.error.upgradeFailed':
      'The workspace upgrade failed (migration {version} {name}: {reason}); the workspace was left as it was',
    'workspace.error.upgradeFailedWithBackup':
      'The workspace upgrade failed (migration {version} {name}: {reason}); the workspace was left as it was; backup from before the upgrade: {backupPath}',
  },
});

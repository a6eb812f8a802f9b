import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { windowTitle } from './window-options';

/** The zh-CN application menu; reload and devtools exist only in an unpackaged (developer) app. */
export function installApplicationMenu(isPackaged: boolean): void {
  app.setAboutPanelOptions({ applicationName: windowTitle, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isPackaged)));
}

function menuTemplate(isPackaged: boolean): MenuItemConstructorOptions[] {
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { label: '重新加载', role: 'reload' },
        { label: '强制重新加载', role: 'forceReload' },
        { label: '开发者工具', role: 'toggleDevTools' },
        { type: 'separator' },
      ];
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...developerItems,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: `关于${windowTitle}`, role: 'about' }] },
  ];
  // macOS puts the application's own menu first, whatever the template says.
  return process.platform === 'darwin' ? [{ role: 'appMenu' }, ...template] : template;
}

import type { GlobalThemeOverrides } from 'naive-ui';

export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: '#2a7f62',
    primaryColorHover: '#349672',
    primaryColorPressed: '#216a51',
    primaryColorSuppl: '#349672',
    borderRadius: '6px',
  },
};

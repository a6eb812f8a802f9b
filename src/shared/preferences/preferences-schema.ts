import { z } from 'zod';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

export const themes = ['light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** Per-user preferences: they follow the person, not the workspace file. */
export const preferencesSchema = z.object({
  locale: z.enum(locales).default('zh-CN'),
  theme: z.enum(themes).default('light'),
  /** Up green by default; mainland stock apps show up in red, so people can switch. */
  changeColors: z.enum(['upGreen', 'upRed']).default('upGreen'),
  hiddenColumns: z.record(z.string(), z.array(z.string())).default({}),
  lastWorkspacePath: z.string().nullable().default(null),
  recentWorkspaces: z
    .array(z.object({ path: z.string(), name: z.string(), isDemo: z.boolean(), openedAt: z.string() }))
    .default([]),
});
export type Preferences = z.infer<typeof preferencesSchema>;

// Written out without defaults: a patch that names only the theme must not reset the language.
export const preferencesPatchSchema = z
  .object({
    locale: z.enum(locales),
    theme: z.enum(themes),
    changeColors: z.enum(['upGreen', 'upRed']),
    hiddenColumns: z.record(z.string(), z.array(z.string())),
  })
  .partial();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

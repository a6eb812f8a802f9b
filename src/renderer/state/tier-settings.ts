import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { tierColors, type TierProfile } from '../../shared/tiers/tier-profiles';
import type { TierGrid } from '../../shared/tiers/tier-rule';
import type { TierSettings } from '../../shared/tiers/tier-settings-schema';
import { api } from '../api';
import { useWorkspaceStore } from './workspace';

/** The workspace's tier rule, names and playbooks, shared by every page that shows a tier. */
export const useTierSettingsStore = defineStore('tierSettings', () => {
  const workspace = useWorkspaceStore();
  const settings = ref<TierSettings | null>(null);

  async function load(): Promise<TierSettings> {
    settings.value = await api.tiers.settings();
    return settings.value;
  }

  /** Loads the settings once per workspace; pages that only show tier names call this. */
  async function ensureLoaded(): Promise<TierSettings> {
    return settings.value ?? load();
  }

  function profile(tier: string, grid?: TierGrid): TierProfile | undefined {
    const grids: TierGrid[] = grid ? [grid] : tier.length === 1 ? ['2x2'] : ['3x3'];
    return grids.flatMap((each) => settings.value?.profiles[each] ?? []).find((item) => item.tier === tier);
  }

  /** "A 标杆": the key keeps tiers recognisable after a rename. */
  function label(tier: string | null, noData: string): string {
    if (tier === null) return noData;
    const name = profile(tier)?.name;
    return name ? `${tier} ${name}` : tier;
  }

  function color(tier: string | null): string {
    return tier === null ? '#a0a0a0' : (tierColors[tier] ?? '#a0a0a0');
  }

  watch(
    () => workspace.revision,
    () => (settings.value = null),
  );

  return { settings, load, ensureLoaded, profile, label, color };
});

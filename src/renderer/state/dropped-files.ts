import { defineStore } from 'pinia';
import { shallowRef } from 'vue';

/** Files dropped anywhere on the window, waiting for the import wizard to take them. */
export const useDroppedFilesStore = defineStore('droppedFiles', () => {
  const pending = shallowRef<File[]>([]);

  function drop(files: File[]): void {
    pending.value = files;
  }

  function take(): File[] {
    const files = pending.value;
    if (files.length > 0) pending.value = [];
    return files;
  }

  return { pending, drop, take };
});

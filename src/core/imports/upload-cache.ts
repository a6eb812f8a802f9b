import { PilotDeskError } from '../../shared/api/result';
import { newId } from '../ids';
import type { WorkbookContents } from './read-workbook';

export interface Upload {
  id: string;
  contents: WorkbookContents;
  fileHash: string;
}

/**
 * Files read for the import wizard, kept in memory between preview and commit. Only the last
 * few are kept: a laptop's memory matters more than a wizard left open for hours.
 */
export class UploadCache {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly capacity = 6) {}

  put(contents: WorkbookContents, fileHash: string): Upload {
    const upload = { id: newId(), contents, fileHash };
    this.uploads.set(upload.id, upload);
    while (this.uploads.size > this.capacity) this.uploads.delete(this.uploads.keys().next().value as string);
    return upload;
  }

  get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload)
      throw new PilotDeskError('NOT_FOUND', 'imports.error.uploadExpired', {}, undefined, { reason: 'uploadExpired' });
    return upload;
  }

  clear(): void {
    this.uploads.clear();
  }
}

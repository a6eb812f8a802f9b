import { defineContextPart } from '../api/handler-context';
import { UploadCache } from './upload-cache';

declare module '../api/handler-context' {
  interface HandlerContext {
    /** Files read by `imports.upload`, kept for preview and commit; a restore forgets them. */
    uploads: UploadCache;
  }
}

export const importsContext = defineContextPart({
  create: () => ({ uploads: new UploadCache() }),
  close: ({ uploads }) => uploads.clear(),
});

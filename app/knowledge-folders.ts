/**
 * Folders of the data directory the desk keeps up to date from the console, ingested beside the
 * knowledge folder: manuals uploaded in the console and the mirror of the SharePoint libraries.
 */
import path from 'node:path';

/** Manuals uploaded in the console: `<dataDir>/knowledge/uploads`. */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'knowledge', 'uploads');
}

/** Files synced from SharePoint: `<dataDir>/knowledge/sharepoint/<drive>/…` with `.meta.json` sidecars. */
export function sharePointDir(dataDir: string): string {
  return path.join(dataDir, 'knowledge', 'sharepoint');
}

/** Path prefixes of those folders in the index (a document's id and source path start with them). */
export const UPLOADS_PREFIX = '@uploads';
export const SHAREPOINT_PREFIX = '@sharepoint';

/** The extra folders of every ingest. */
export function knowledgeFolders(dataDir: string): { dir: string; prefix: string }[] {
  return [
    { dir: uploadsDir(dataDir), prefix: UPLOADS_PREFIX },
    { dir: sharePointDir(dataDir), prefix: SHAREPOINT_PREFIX },
  ];
}

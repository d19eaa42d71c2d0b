/**
 * Ports the conversation core needs besides those of conversations/ and tickets/. knowledge/ implements
 * KnowledgeSearch; adapters implement DirectoryLookup.
 */
export type { KnowledgeSearch, Retrieval, SearchHit } from '../knowledge';

/** Looks up organisational data of a staff member by Entra ID (AAD) object id (e.g. Microsoft Graph). */
export interface DirectoryLookup {
  /** The member's department (所属), or undefined when unknown or the directory is unreachable. */
  lookupDepartment(aadObjectId: string): Promise<string | undefined>;
}

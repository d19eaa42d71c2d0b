/**
 * The one extra port the Teams channel needs besides the bot's own (Helpdesk, ConversationStore).
 * It belongs in bot/ports.ts eventually (the web channel may use it too); it is declared here so that
 * adapters/teams never imports adapters/graph: GraphDirectoryLookup matches it structurally.
 */

/** Looks up organisational data of a staff member by Entra ID (AAD) object id. */
export interface DirectoryLookup {
  /** The member's department (所属), or undefined when unknown or the directory is unreachable. */
  lookupDepartment(aadObjectId: string): Promise<string | undefined>;
}

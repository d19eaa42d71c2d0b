/**
 * Who wrote which transcript lines: a ConversationStore reports every line it appends (its index in the
 * conversation's history) to the watchers of the async context the append was asked from, so a request names
 * exactly its own lines even while another request appends to the same conversation (web chat, several tabs).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TranscriptRole } from './records';

/** One appended transcript line: its conversation, its index (0-based, in the history's order) and its role. */
export interface AppendedLine {
  conversationId: string;
  index: number;
  role: TranscriptRole;
}

/** Told of the lines appended (and committed) by the work it watches. */
export type AppendListener = (line: AppendedLine) => void;

/** The watchers of each async context; a store holds one and reports its committed appends to it. */
export class AppendWatchers {
  private readonly scope = new AsyncLocalStorage<AppendListener>();

  /** Runs `work`; `listener` hears every line appended within it (also by nested watched work). */
  watch<T>(listener: AppendListener, work: () => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    const both: AppendListener = outer
      ? (line) => {
          listener(line);
          outer(line);
        }
      : listener;
    return this.scope.run(both, work);
  }

  /**
   * The listener of the calling context, taken when a store method is entered (its database work may run in
   * another context, e.g. SQLite's queue of units of work); a no-op when nothing watches.
   */
  current(): AppendListener {
    return this.scope.getStore() ?? ignore;
  }
}

function ignore(): void {}

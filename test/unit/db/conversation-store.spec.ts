/** The ConversationStore suite (transcript lines) on the fake and on SqlConversationStore (SQLite, PostgreSQL). */
import { SqlConversationStore } from '../../../db';
import { FakeConversationStore } from '../../fakes/teams-conversation-store';
import { conversationStoreContract } from '../../contracts/conversation-store.contract';
import { describeEachDb } from '../../helpers/databases';

conversationStoreContract('FakeConversationStore', async () => ({
  store: new FakeConversationStore(),
  close: async () => {},
}));

describeEachDb('SqlConversationStore', (each) => {
  conversationStoreContract('SqlConversationStore', async () => ({
    store: new SqlConversationStore(each.db.ds),
    close: () => each.db.reset(),
  }));
});

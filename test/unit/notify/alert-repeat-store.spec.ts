/** The AlertRepeatStore suite on the in-memory fake and on SqlAlertRepeats (SQLite, PostgreSQL and SQL Server when set). */
import { SqlAlertRepeats } from '../../../db';
import { InMemoryAlertRepeats } from '../../../notify';
import { alertRepeatStoreContract } from '../../contracts/alert-repeat-store.contract';
import { describeEachDb } from '../../helpers/databases';

alertRepeatStoreContract('InMemoryAlertRepeats', async () => ({
  store: new InMemoryAlertRepeats(),
  close: async () => {},
}));

describeEachDb('SqlAlertRepeats', (each) => {
  alertRepeatStoreContract('SqlAlertRepeats', async () => ({
    store: new SqlAlertRepeats(each.db.ds),
    close: () => each.db.reset(),
  }));
});

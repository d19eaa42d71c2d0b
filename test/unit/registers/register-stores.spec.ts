import { describeEachDb } from '../../helpers/databases';
import { inMemoryRegisterServices, registerServices } from '../../helpers/registers';
import { registerStoresContract } from '../../contracts/register-stores.contract';

registerStoresContract('in-memory fakes', async () => inMemoryRegisterServices());

describeEachDb('SQL register stores', (each) => {
  registerStoresContract(`SQL on ${each.kind}`, async () => {
    await each.db.reset();
    return registerServices(each.db.ds);
  });
});

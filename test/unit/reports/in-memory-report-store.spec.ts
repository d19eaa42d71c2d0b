import { InMemoryReportStore } from '../../../reports';
import { reportStoreContract } from './report-store-contract';

reportStoreContract('InMemoryReportStore', async () => new InMemoryReportStore());

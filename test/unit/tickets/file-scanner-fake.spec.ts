/** The deterministic FakeFileScanner passes the same contract as clamd (test/unit/adapters/clamav/). */
import { FakeFileScanner } from '../../fakes/fake-file-scanner';
import { fileScannerContract } from '../../contracts/file-scanner.contract';
import { EICAR, MARKER } from '../../helpers/clamd';

fileScannerContract('FakeFileScanner', async () => {
  const signatures = { [EICAR]: 'Eicar-Test-Signature', [MARKER]: 'Kotae.Test.Marker-1' };
  const unreachable = new FakeFileScanner(signatures);
  unreachable.down = true;
  return {
    scanner: new FakeFileScanner(signatures, 1024 * 1024),
    unreachable,
    maxBytes: 1024 * 1024,
    infected: [
      { content: EICAR, signature: 'Eicar-Test-Signature' },
      { content: MARKER, signature: 'Kotae.Test.Marker-1' },
    ],
  };
});

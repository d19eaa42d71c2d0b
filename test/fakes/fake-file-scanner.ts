/** FileScanner in memory: finds fixed marker strings (across chunk borders), has a stream limit, can be "down". */
import { KotaeError } from '../../core/errors';
import type { FileScanner, ScannerStatus, ScanVerdict } from '../../tickets';

/** Detects each `signatures` key (a byte string) and reports its value as the signature name. */
export class FakeFileScanner implements FileScanner {
  /** When true, the scanner cannot be reached. */
  down = false;
  /** How many scans were asked for (including refused ones). */
  scans = 0;
  /** The engine and signature version `status` reports (a signature update changes it). */
  version = 'Fake 1.0';

  constructor(
    private readonly signatures: Readonly<Record<string, string>>,
    private readonly maxBytes = 20 * 1024 * 1024,
  ) {}

  async scan(content: AsyncIterable<Uint8Array>): Promise<ScanVerdict> {
    this.scans += 1;
    if (this.down) throw new KotaeError('CLOUD_UNAVAILABLE', 'fake scanner down');
    const longest = Math.max(0, ...Object.keys(this.signatures).map((s) => s.length));
    let tail = '';
    let size = 0;
    let found: string | undefined;
    for await (const chunk of content) {
      size += chunk.length;
      if (size > this.maxBytes) throw new KotaeError('INPUT_TOO_LARGE', 'fake scanner: size limit exceeded');
      // Only the last `longest` bytes are kept between chunks: memory stays bounded like a real engine.
      const text = tail + Buffer.from(chunk).toString('latin1');
      found ??= Object.keys(this.signatures).find((s) => text.includes(s));
      tail = text.slice(-longest);
    }
    return found ? { clean: false, signature: this.signatures[found]! } : { clean: true };
  }

  async status(): Promise<ScannerStatus> {
    return this.down ? { reachable: false, error: 'fake scanner down' } : { reachable: true, version: this.version };
  }
}

/**
 * The FAQs of the sheets the index is built from: the knowledge folder (origin `file`) and the
 * SharePoint libraries mirrored into the data folder (origin `sharepoint`).
 */
import { FaqSheetReader } from '../ingest';
import type { IndexedFaq, IndexedFaqSource } from '../tickets';

/** A folder of sheets and the origin its FAQs are shown with. */
export interface SheetFolder {
  dir: string;
  prefix?: string;
  origin: IndexedFaq['origin'];
}

/** IndexedFaqSource over folders of FAQ sheets. */
export class SheetFaqSource implements IndexedFaqSource {
  private readonly readers: { reader: FaqSheetReader; origin: IndexedFaq['origin'] }[];

  constructor(folders: readonly SheetFolder[]) {
    this.readers = folders.map((f) => ({ reader: new FaqSheetReader(f.dir, f.prefix), origin: f.origin }));
  }

  async list(): Promise<IndexedFaq[]> {
    const seen = new Set<string>();
    const out: IndexedFaq[] = [];
    for (const { reader, origin } of this.readers) {
      for (const d of await reader.read()) {
        // The ingest keeps the first file's row of an id; so does the list.
        if (seen.has(d.id)) continue;
        seen.add(d.id);
        out.push({
          id: d.id,
          origin,
          sourcePath: d.sourcePath,
          category: d.category ?? 'その他',
          question: d.question ?? d.title,
          alternateQuestions: d.alternateQuestions ?? [],
          answer: d.answer ?? '',
          sourceUrl: d.url,
        });
      }
    }
    return out;
  }
}

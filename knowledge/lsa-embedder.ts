/**
 * The local default {@link Embedder}: an LSA model fitted on the indexed corpus, applied to text
 * through the same analyzer that built it.
 */
import type { AnalyzedText, TextAnalyzer } from './analyzer';
import { textFeatures, type LsaModel } from './lsa-model';
import type { AnalysisEmbedder } from './types';

/** Embeds text with a fitted {@link LsaModel}. */
export class LsaEmbedder implements AnalysisEmbedder {
  /** Name recorded in index stats. */
  readonly name: string;

  constructor(
    readonly model: LsaModel,
    private readonly analyzer: TextAnalyzer,
  ) {
    this.name = `lsa-${model.data.dims}`;
  }

  /** Unit vectors of documents (zero vectors for text with no known feature). */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embedSync(t)));
  }

  /** Unit vector of a query. */
  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedSync(text));
  }

  /** Synchronous embedding. */
  embedSync(text: string): Float32Array {
    return this.model.embedFeatures(textFeatures(this.analyzer.analyze(text)));
  }

  /** See {@link AnalysisEmbedder.embedAnalyzed}: the query path reuses the searcher's analysis. */
  embedAnalyzed(analyzed: AnalyzedText, analyzer: TextAnalyzer): number[] | undefined {
    return analyzer === this.analyzer ? Array.from(this.model.embedFeatures(textFeatures(analyzed))) : undefined;
  }
}

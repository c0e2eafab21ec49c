// Searching and autocompleting: the request is already valid (the service layer checked every field before any
// SQL); the use case asks the index and decides whether there is a next page.
import { inject, injectable } from 'inversify';
import { INDEX_READER, type IndexReader } from './ports.js';
import { encodePageToken, SEARCH_LIMITS, type SearchQuery } from './search-query.js';
import type { SearchResult, Suggestion } from './search-result.js';

@injectable()
export class SearchProductsUseCase {
  constructor(@inject(INDEX_READER) private readonly index: IndexReader) {}

  async search(query: SearchQuery): Promise<SearchResult & { nextPageToken: string }> {
    const result = await this.index.search(query);
    const next = query.offset + query.limit;
    const more = next < result.total && next <= SEARCH_LIMITS.maxOffset;
    return { ...result, nextPageToken: more ? encodePageToken(next) : '' };
  }

  autocomplete(prefix: string, limit: number): Promise<Suggestion[]> {
    return this.index.autocomplete(prefix, limit);
  }
}

// gRPC handlers of ecommerce.search.v1.SearchService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/search/v1/search';
import type { SearchServiceService } from '@ecommerce/proto/search/v1/search';
import { RebuildIndexUseCase } from '../biz/rebuild-index.js';
import { SEARCH_LIMITS } from '../biz/search-query.js';
import { SearchProductsUseCase } from '../biz/search-products.js';
import { toSearchQuery, toSearchResponse } from './mappers.js';
import * as schemas from './request-schemas.js';

@injectable()
export class SearchGrpcService implements UnaryHandlers<typeof SearchServiceService> {
  constructor(
    @inject(SearchProductsUseCase) private readonly searching: SearchProductsUseCase,
    @inject(RebuildIndexUseCase) private readonly rebuilding: RebuildIndexUseCase,
  ) {}

  async searchProducts(request: pb.SearchProductsRequest): Promise<pb.SearchProductsResponse> {
    const query = toSearchQuery(parseProtoRequest(schemas.searchProductsRequest, request));
    return toSearchResponse(await this.searching.search(query), query.currency);
  }

  async autocomplete(request: pb.AutocompleteRequest): Promise<pb.AutocompleteResponse> {
    const { prefix, limit } = parseProtoRequest(schemas.autocompleteRequest, request);
    const suggestions = await this.searching.autocomplete(prefix, limit || SEARCH_LIMITS.autocompleteDefault);
    return { suggestions: suggestions.map((s) => ({ productId: s.productId, name: s.name })) };
  }

  async rebuildIndex(request: pb.RebuildIndexRequest): Promise<pb.RebuildIndexResponse> {
    parseProtoRequest(schemas.rebuildIndexRequest, request);
    return this.rebuilding.execute();
  }
}

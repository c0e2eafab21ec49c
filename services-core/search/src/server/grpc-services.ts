// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { SearchServiceService } from '@ecommerce/proto/search/v1/search';
import { SearchGrpcService } from '../service/search-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const searchServiceRegistration: GrpcServiceRegistration = grpcService(SearchServiceService, SearchGrpcService, {
  searchProducts: 'public',
  autocomplete: 'public',
  rebuildIndex: STAFF,
});

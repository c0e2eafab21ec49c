// Reads the google.api.http annotation of every RPC in the registry: one binding per (HTTP method, path),
// additional_bindings included. This is what makes an annotated RPC appear in the gateway with no code change.
import { getOption, hasOption, type DescMethod, type DescService, type FileRegistry } from '@bufbuild/protobuf';
import { parsePathTemplate, type PathTemplate } from './path-template.js';

export type HttpVerb = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HttpBinding {
  service: DescService;
  method: DescMethod;
  verb: HttpVerb;
  path: PathTemplate;
  /** `*` (the whole body is the request), a top-level field name, or '' (no body). */
  body: string;
  /** A response field to answer with instead of the whole response, or ''. */
  responseBody: string;
  /** `ecommerce.user.v1.UserService` -> `user`: whose *_GRPC_ADDRESS serves it. */
  upstream: string;
}

interface HttpRuleShape {
  pattern: { case: string | undefined; value?: unknown };
  body: string;
  responseBody: string;
  additionalBindings: HttpRuleShape[];
}

const VERBS = new Set<string>(['get', 'post', 'put', 'patch', 'delete']);

export function readHttpBindings(registry: FileRegistry): HttpBinding[] {
  const extension = registry.getExtension('google.api.http');
  if (!extension) return [];
  const bindings: HttpBinding[] = [];
  for (const file of registry.files) {
    for (const service of file.services) {
      const upstream = upstreamOf(service);
      for (const method of service.methods) {
        if (method.methodKind !== 'unary') continue;
        if (!hasOption(method, extension)) continue;
        const rule = getOption(method, extension) as unknown as HttpRuleShape;
        for (const r of [rule, ...rule.additionalBindings]) {
          const verb = r.pattern.case;
          if (verb === undefined || !VERBS.has(verb) || typeof r.pattern.value !== 'string') continue;
          bindings.push({ service, method, verb: verb as HttpVerb, path: parsePathTemplate(r.pattern.value), body: r.body, responseBody: r.responseBody, upstream });
        }
      }
    }
  }
  return bindings.sort((a, b) => b.path.literalSegments - a.path.literalSegments);
}

/** By convention every core API lives in `ecommerce.<service>.v1`. */
function upstreamOf(service: DescService): string {
  const parts = service.typeName.split('.');
  return parts[0] === 'ecommerce' && parts.length >= 3 ? parts[1]! : service.file.proto.package;
}

// gRPC servers in their own processes: a project service, the bare grpc-js floor and the kit's chain from memory.
// A definition cannot cross the process boundary, so it is named by its module (found from the method path, and
// checked to be the very object the caller holds) and the answer travels as the bytes its serializer makes.
import type { MethodAccess } from '@ecommerce/common/grpc';
import type { ServiceDefinition } from '@grpc/grpc-js';
import type { GrpcAnswerConfig } from '../servers/grpc-answer.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/** A response message of a ts-proto method definition, read off its serializer. */
type ResponseOf<M> = M extends { responseSerialize: (value: infer Res) => Buffer } ? Res : never;

/** `@ecommerce/<name>` started through its start<Name>(env) in a child process; `urls` as the service reports them. */
export function startServiceProcess(name: string, env: Record<string, string | undefined>): Promise<ServerProcess> {
  const defined = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !(e[0] in process.env && process.env[e[0]] === e[1])));
  return startServerProcess('service', { name, env: defined }, { label: `the ${name} service` });
}

/** Serves `method` with `answer` from memory on a bare grpc-js server in a child process. */
export async function startBareGrpcProcess<D extends ServiceDefinition, K extends keyof D & string>(definition: D, method: K, answer: ResponseOf<D[K]>): Promise<ServerProcess> {
  return startServerProcess('grpc-bare', await answerConfig(definition, method, answer));
}

/** The same answer from memory behind the kit's full server and interceptor chain, `access` as the service has it. */
export async function startChainGrpcProcess<D extends ServiceDefinition, K extends keyof D & string>(
  definition: D,
  method: K,
  answer: ResponseOf<D[K]>,
  settings: { jwtPublicKey: string; access: MethodAccess },
): Promise<ServerProcess> {
  return startServerProcess('grpc-chain', { ...(await answerConfig(definition, method, answer)), ...settings });
}

async function answerConfig(definition: ServiceDefinition, method: string, answer: unknown): Promise<GrpcAnswerConfig> {
  const path = definition[method]?.path;
  if (!path) throw new Error(`no method ${method} in the definition`);
  // `/ecommerce.user.v1.UserService/GetUser` -> @ecommerce/proto/user/v1/user, export UserServiceService
  const [, qualified = ''] = path.split('/');
  const parts = qualified.split('.');
  const serviceName = parts.pop()!;
  const [, pkg, version] = parts;
  const module = `@ecommerce/proto/${pkg}/${version}/${pkg}`;
  const service = `${serviceName}Service`;
  const imported = (await import(module).catch(() => ({}))) as Record<string, unknown>;
  if (imported[service] !== definition) throw new Error(`cannot name ${qualified}'s definition for a child process (tried ${module} ${service})`);
  return { module, service, method, answer: definition[method]!.responseSerialize(answer).toString('base64') };
}

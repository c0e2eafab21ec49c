// Where a staff member's roles come from at login: the user service, over gRPC. Production code talks to it
// only through this interface and its generated client, never by importing the service.
import { UnauthenticatedError, UnavailableError } from '@ecommerce/common/errors';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import { UserServiceClient, UserStatus } from '@ecommerce/proto/user/v1/user';

export interface UserDirectory {
  /** The roles of an active staff member; UnauthenticatedError if unknown or suspended. */
  rolesOf(userId: string): Promise<string[]>;
  close(): void;
}

export function grpcUserDirectory(address: string, serviceToken: () => Promise<string>): UserDirectory {
  const client = createGrpcClient(UserServiceClient, { address, deadlineMs: 3_000 });
  return {
    async rolesOf(userId) {
      const response = await unaryCall(client.getUser.bind(client), { id: userId }, { token: await serviceToken() }).catch((err: unknown) => {
        // A deleted staff member is a failed login, not a server error; outages stay 503.
        const type = (err as { type?: string }).type;
        if (type === 'not_found') throw new UnauthenticatedError('invalid email or password');
        // The user service refusing auth's own token is a deployment fault (it does not trust auth's JWKS),
        // not the person's: 503, logged, rather than a 401 that reads like a wrong password.
        if (type === 'unauthenticated' || type === 'permission_denied') {
          throw new UnavailableError('the user service refused the auth service token; check its JWT_JWKS_URL', { cause: err });
        }
        throw err;
      });
      const user = response.user;
      if (!user || user.status !== UserStatus.USER_STATUS_ACTIVE) throw new UnauthenticatedError('invalid email or password');
      return user.roles;
    },
    close: () => client.close(),
  };
}

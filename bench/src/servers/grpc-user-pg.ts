// Baseline: bare grpc-js serving user GetUser with the same SQL as the user service's repository (the user and
// its role names in one query), no interceptors, no validation library, no DI: the like-for-like floor for the
// service's GetUser on the same PostgreSQL.
import { Server, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { UserServiceService, UserStatus, type GetUserRequest, type GetUserResponse } from '@ecommerce/proto/user/v1/user';
import pg from 'pg';
import { bindLocal } from './grpc-listen.js';
import { runServer, serve } from './serve.js';

interface Config {
  databaseUrl: string;
  schema: string;
  poolMax: number;
}

const GET_USER_SQL = `SELECT u.id, u.email, u.name, u.status, u.created_at, u.updated_at,
  coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
    WHERE ur.user_id = u.id), '{}') AS roles
  FROM users AS u WHERE u.deleted_at IS NULL AND u.id = $1 LIMIT 1`;

const STATUS: Record<string, UserStatus> = { active: UserStatus.USER_STATUS_ACTIVE, suspended: UserStatus.USER_STATUS_SUSPENDED };

interface Row {
  id: string;
  email: string;
  name: string;
  status: string;
  roles: string[];
  created_at: Date;
  updated_at: Date;
}

runServer(() =>
  serve<Config>(async ({ databaseUrl, schema, poolMax }) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, options: `-c search_path=${schema},public` });
    const server = new Server();
    const unimplemented = () => {
      throw new Error('the bench calls getUser only');
    };
    const handlers = Object.fromEntries(Object.keys(UserServiceService).map((k) => [k, unimplemented]));
    const getUser = (call: ServerUnaryCall<GetUserRequest, GetUserResponse>, callback: sendUnaryData<GetUserResponse>) => {
      pool.query<Row>(GET_USER_SQL, [call.request.id]).then(
        ({ rows: [row] }) => {
          if (!row) return callback({ code: status.NOT_FOUND, details: 'user not found' });
          callback(null, {
            user: { id: row.id, email: row.email, name: row.name, status: STATUS[row.status] ?? UserStatus.USER_STATUS_UNSPECIFIED, roles: row.roles, createTime: row.created_at, updateTime: row.updated_at },
          });
        },
        (err: unknown) => callback({ code: status.INTERNAL, details: String(err) }),
      );
    };
    server.addService(UserServiceService, { ...handlers, getUser });
    const started = await bindLocal(server);
    return { urls: started.urls, stop: async () => (await started.stop(), await pool.end()) };
  }),
);

// The environment a test starts a core service with: its database, every port from the OS on loopback, the test
// issuer's key, no logs, and a short drain so stopping does not wait.
export function coreServiceTestEnv(settings: { databaseUrl: string; publicKeyPem: string }): Record<string, string> {
  return {
    DATABASE_URL: settings.databaseUrl,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    GRPC_PORT: '0',
    GRPC_HOST: '127.0.0.1',
    JWT_PUBLIC_KEY: settings.publicKeyPem,
    LOG_LEVEL: 'silent',
    SHUTDOWN_DRAIN_MS: '500',
  };
}

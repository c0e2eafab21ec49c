// Shared knobs of every separate-process benchmark: short rounds, several of them, the median reported.
export const benchSettings = {
  /** Seconds of load per subject per round. */
  seconds: Number(process.env.BENCH_SECONDS ?? 4),
  /** Rounds per subject; subjects take turns within a round so a noisy neighbour hits them all alike. */
  rounds: Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)),
  /** Concurrent HTTP connections (autocannon) or gRPC calls in flight. */
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  /** Upper bound on calls per gRPC round (the round also ends after `seconds`). */
  grpcCalls: Number(process.env.BENCH_GRPC_CALLS ?? 20_000),
};

export * from './saga-definition.js';
export * from './retry-policy.js';
export * from './saga-orchestrator.js';
export * from './saga-run.js';
export * from './saga-store.js';
export * from './saga-metrics.js';
export { StepTimeoutError, OrchestratorClosingError } from './step-call.js';
export * from './saga-prune.js';

// Kept only for the repositories that still import it from here: the helper is common's (db/constraint-errors.ts),
// where any constraint a call does not word itself gets the shared database-error mapping.
export { withConstraintErrors, type ConstraintErrors } from '@ecommerce/common/db';

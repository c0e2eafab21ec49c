// Reads a goose SQL migration (annotations `-- +goose Up|Down|StatementBegin|StatementEnd|NO TRANSACTION`)
// into the statements of each direction, splitting them the way goose does so files run unchanged under both.
import { MigrationParseError } from './errors.js';

export interface ParsedMigration {
  up: string[];
  down: string[];
  /** False when the file says `-- +goose NO TRANSACTION` (e.g. CREATE INDEX CONCURRENTLY). */
  useTransaction: boolean;
}

type State = 'start' | 'up' | 'up-block' | 'down' | 'down-block';

const ANNOTATION = /^--\s*\+goose\s+(.*)$/i;

export function parseMigrationSql(sql: string, file = 'migration'): ParsedMigration {
  const result: ParsedMigration = { up: [], down: [], useTransaction: true };
  const fail = (line: number, reason: string) => new MigrationParseError(file, `line ${line}: ${reason}`);
  let state: State = 'start';
  let buffer: string[] = [];
  const pending = () => buffer.join('\n').trim();
  const flush = () => {
    const statement = pending();
    if (statement) (state.startsWith('up') ? result.up : result.down).push(statement);
    buffer = [];
  };

  const lines = sql.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    const trimmed = line.trim();
    const annotation = ANNOTATION.exec(trimmed);
    if (annotation) {
      const name = annotation[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
      if (name === 'no transaction') {
        result.useTransaction = false;
        continue;
      }
      if (pending() && name !== 'statementend') {
        throw fail(lineNo, `unfinished SQL query before '-- +goose ${annotation[1]!.trim()}': missing semicolon?`);
      }
      const next = nextState(state, name, (reason) => fail(lineNo, reason));
      flush(); // only a StatementEnd can leave text here: the whole block is one statement
      state = next;
      continue;
    }
    // Comments between statements are dropped; inside a statement they stay part of it (as in goose).
    if (!pending() && (trimmed === '' || trimmed.startsWith('--'))) continue;
    if (state === 'start') throw fail(lineNo, "must start with '-- +goose Up' annotation");
    buffer.push(line);
    if ((state === 'up' || state === 'down') && endsWithSemicolon(line)) flush();
  }

  if (state === 'start') throw new MigrationParseError(file, "must start with '-- +goose Up' annotation");
  if (state.endsWith('block')) throw new MigrationParseError(file, "missing '-- +goose StatementEnd' annotation");
  if (pending()) throw new MigrationParseError(file, `unfinished SQL query at end of file: missing semicolon? ${JSON.stringify(pending())}`);
  return result;
}

function nextState(state: State, annotation: string, fail: (reason: string) => Error): State {
  switch (annotation) {
    case 'up':
      if (state !== 'start') throw fail("duplicate '-- +goose Up' annotation");
      return 'up';
    case 'down':
      if (state !== 'up') throw fail(state === 'start' ? "'-- +goose Down' before '-- +goose Up'" : "'-- +goose Down' must follow the Up section, outside a StatementBegin block");
      return 'down';
    case 'statementbegin':
      if (state === 'up' || state === 'down') return `${state}-block`;
      throw fail(state === 'start' ? "'-- +goose StatementBegin' before '-- +goose Up'" : "nested '-- +goose StatementBegin'");
    case 'statementend':
      if (state === 'up-block') return 'up';
      if (state === 'down-block') return 'down';
      throw fail("'-- +goose StatementEnd' without a StatementBegin");
    default:
      throw fail(`unknown annotation '-- +goose ${annotation}'`);
  }
}

/** goose's rule: the last word before any `--` comment on the line ends with a semicolon. */
export function endsWithSemicolon(line: string): boolean {
  let last = '';
  for (const word of line.split(/\s+/)) {
    if (word.startsWith('--')) break;
    if (word) last = word;
  }
  return last.endsWith(';');
}

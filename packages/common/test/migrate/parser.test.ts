import { describe, expect, it } from 'vitest';
import { endsWithSemicolon, MigrationParseError, parseMigrationSql } from '../../src/migrate/index.js';

describe('parseMigrationSql', () => {
  it('splits each direction into statements ending with a semicolon at the end of a line', () => {
    const parsed = parseMigrationSql(`-- +goose Up
CREATE TABLE brands (
  id serial PRIMARY KEY,
  name text NOT NULL
);
CREATE INDEX brands_name ON brands (name);

-- +goose Down
DROP TABLE brands;
`);
    expect(parsed.up).toEqual(['CREATE TABLE brands (\n  id serial PRIMARY KEY,\n  name text NOT NULL\n);', 'CREATE INDEX brands_name ON brands (name);']);
    expect(parsed.down).toEqual(['DROP TABLE brands;']);
    expect(parsed.useTransaction).toBe(true);
  });

  it('keeps a dollar-quoted function between StatementBegin and StatementEnd as one statement', () => {
    const parsed = parseMigrationSql(`-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TABLE t (id int);

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION touch();
-- +goose StatementEnd
`);
    expect(parsed.up).toHaveLength(2);
    expect(parsed.up[0]).toMatch(/^CREATE FUNCTION touch\(\)[\s\S]*RETURN NEW;\nEND;\n\$\$;$/);
    expect(parsed.up[1]).toBe('CREATE TABLE t (id int);');
    expect(parsed.down).toEqual(['DROP FUNCTION touch();']);
  });

  it('drops comments between statements but keeps those inside a statement', () => {
    const parsed = parseMigrationSql(`-- what this file is for
-- +goose Up
-- a note before the statement
CREATE TABLE a (
  -- the key; not the end
  id int
); -- trailing note
-- +goose Down
DROP TABLE a;
`);
    expect(parsed.up).toEqual(['CREATE TABLE a (\n  -- the key; not the end\n  id int\n); -- trailing note']);
  });

  it('does not end a statement at a semicolon inside a trailing comment', () => {
    expect(endsWithSemicolon('SELECT 1 -- done;')).toBe(false);
    expect(endsWithSemicolon('SELECT 1; -- done')).toBe(true);
    expect(endsWithSemicolon("INSERT INTO t VALUES ('a;')")).toBe(false);
  });

  it('reads NO TRANSACTION wherever it appears', () => {
    const parsed = parseMigrationSql(`-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY idx ON t (id);
-- +goose Down
DROP INDEX CONCURRENTLY idx;
`);
    expect(parsed.useTransaction).toBe(false);
    expect(parsed.up).toEqual(['CREATE INDEX CONCURRENTLY idx ON t (id);']);
  });

  it('accepts a file without a Down section', () => {
    expect(parseMigrationSql('-- +goose Up\nSELECT 1;\n').down).toEqual([]);
  });

  it('rejects SQL before the Up annotation, naming the file', () => {
    expect(() => parseMigrationSql('CREATE TABLE a (id int);\n-- +goose Up\n', '00001_a.sql')).toThrow(
      /00001_a\.sql: failed to parse SQL migration: line 1: must start with '-- \+goose Up' annotation/,
    );
  });

  it('rejects a file with no Up annotation at all', () => {
    expect(() => parseMigrationSql('-- just a comment\n', 'x.sql')).toThrow(MigrationParseError);
  });

  it('rejects a StatementBegin block that is never closed', () => {
    expect(() => parseMigrationSql('-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n')).toThrow(/missing '-- \+goose StatementEnd'/);
  });

  it('rejects a statement left without its semicolon', () => {
    expect(() => parseMigrationSql('-- +goose Up\nCREATE TABLE a (id int)\n-- +goose Down\nDROP TABLE a;\n')).toThrow(/missing semicolon/);
    expect(() => parseMigrationSql('-- +goose Up\nCREATE TABLE a (id int)\n')).toThrow(/missing semicolon/);
  });

  it('rejects a second Up and an unknown annotation', () => {
    expect(() => parseMigrationSql('-- +goose Up\n-- +goose Up\n')).toThrow(/duplicate '-- \+goose Up'/);
    expect(() => parseMigrationSql('-- +goose Up\n-- +goose Sideways\n')).toThrow(/unknown annotation/);
  });
});

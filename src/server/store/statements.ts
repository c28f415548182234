import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * The prepared statements of one database, each compiled on first use and kept. Compiling was the
 * largest single cost of the server (better-sqlite3 has no cache of its own: every `prepare`
 * parses and plans the SQL again), so every store and route asks here instead of `db.prepare`.
 * Only fixed SQL belongs here — text built from data would grow the cache without end.
 */
export class Statements {
  readonly #db: Database.Database;
  readonly #rows = new Map<string, Statement>();
  readonly #values = new Map<string, Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The statement for `sql`, returning whole rows. */
  prepared(sql: string): Statement {
    let statement = this.#rows.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#rows.set(sql, statement);
    }
    return statement;
  }

  /**
   * The statement for `sql`, returning only the first column. Kept apart from {@link prepared}
   * because `pluck` is a lasting mode of a statement, not an option of one call.
   */
  plucked(sql: string): Statement {
    let statement = this.#values.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql).pluck();
      this.#values.set(sql, statement);
    }
    return statement;
  }
}

const byDatabase = new WeakMap<Database.Database, Statements>();

/** The one statement cache of a database, shared by all its stores and routes. */
export function statementsOf(db: Database.Database): Statements {
  let statements = byDatabase.get(db);
  if (!statements) {
    statements = new Statements(db);
    byDatabase.set(db, statements);
  }
  return statements;
}

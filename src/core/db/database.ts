import BetterSqlite3 from 'better-sqlite3';

export type SqlParams = Record<string, unknown> | unknown[];

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another runtime (the Electron shell passes its own). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Create the file when it does not exist; otherwise a missing file is an error. */
  create?: boolean;
}

/**
 * The one owner of better-sqlite3: pragmas, a statement cache, typed helpers and
 * transactions. Repositories use this, never the driver.
 */
export class Database {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly closeHooks: (() => void)[] = [];

  constructor(
    readonly path: string,
    readonly connection: BetterSqlite3.Database,
  ) {}

  static open(path: string, options: OpenOptions = {}): Database {
    const connection = new BetterSqlite3(path, {
      nativeBinding: options.nativeBinding,
      readonly: options.readonly ?? false,
      fileMustExist: !options.create,
    });
    if (!options.readonly) {
      connection.pragma('journal_mode = WAL');
      // NORMAL keeps a WAL file consistent but can lose the last commits on a power cut; a save
      // the user saw succeed must survive one, so every commit syncs the WAL before returning.
      connection.pragma('synchronous = FULL');
    }
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    return new Database(path, connection);
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  get<T>(sql: string, params: SqlParams = []): T | undefined {
    return this.prepare(sql).get(params) as T | undefined;
  }

  all<T>(sql: string, params: SqlParams = []): T[] {
    return this.prepare(sql).all(params) as T[];
  }

  run(sql: string, params: SqlParams = []): BetterSqlite3.RunResult {
    return this.prepare(sql).run(params);
  }

  /** Runs statements that take no parameters, such as a migration script. */
  exec(sql: string): void {
    this.connection.exec(sql);
  }

  pragma<T = unknown>(text: string): T {
    return this.connection.pragma(text, { simple: true }) as T;
  }

  /**
   * Runs `fn` in one transaction: everything or nothing. `fn` must be synchronous, so no
   * `await` can slip between statements and let a failure commit half the work.
   */
  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn)();
  }

  /** Runs `hook` once, after the connection is closed (the workspace removes its open marker). */
  onClose(hook: () => void): void {
    this.closeHooks.push(hook);
  }

  close(): void {
    this.statements.clear();
    if (this.connection.open) this.connection.close();
    for (const hook of this.closeHooks.splice(0)) hook();
  }
}

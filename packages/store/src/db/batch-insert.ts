/**
 * Multi-row INSERTs in chunks that stay under each dialect's bound-parameter limit. The SQL of a
 * full chunk is compiled once per table and reused, so a 10,000-row table costs a few statements.
 */
import { CompiledQuery, sql, type Kysely } from "kysely";
import type { Dialect } from "../store.js";

/** SQLite's SQLITE_MAX_VARIABLE_NUMBER (since 3.32) and PostgreSQL's protocol limit. */
const PARAMETER_LIMIT: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };
/** Beyond this, bigger statements stop paying off and only cost memory. */
const MAX_ROWS_PER_STATEMENT = 1_000;

export class BatchInserter {
  private readonly statements = new Map<string, string>();

  constructor(private readonly dialect: Dialect) {}

  rowsPerStatement(columnCount: number): number {
    return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(PARAMETER_LIMIT[this.dialect] / columnCount)));
  }

  /** Inserts `rows` (values in `columns` order) into `table`. */
  async insert<DB>(db: Kysely<DB>, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const chunk = this.rowsPerStatement(columns.length);
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const text = this.statement(db, table, columns, part.length);
      await db.executeQuery(CompiledQuery.raw(text, part.flat()));
    }
  }

  private statement<DB>(db: Kysely<DB>, table: string, columns: readonly string[], rowCount: number): string {
    const cacheKey = `${table}\u0000${columns.join(",")}\u0000${rowCount}`;
    const cached = this.statements.get(cacheKey);
    if (cached !== undefined) return cached;
    const placeholders = sql`(${sql.join(columns.map(() => null))})`;
    const text = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) values ${sql.join(
      Array.from({ length: rowCount }, () => placeholders),
    )}`.compile(db).sql;
    this.statements.set(cacheKey, text);
    return text;
  }
}

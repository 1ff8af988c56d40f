/** One schema migration; migrations run in the order of their ids. */
export interface Migration {
  id: string;
  description: string;
  /** SQL statements, run in order inside one transaction. */
  up: string[];
}

export function createTable(name: string, columns: string[]): string {
  return `CREATE TABLE ${name} (${columns.join(', ')})`;
}

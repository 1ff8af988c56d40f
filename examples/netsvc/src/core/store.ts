/** A tiny in-memory table keyed by id; the persistence layer of the example. */
export interface Row {
  id: string;
}

export class Table<T extends Row> {
  private readonly rows = new Map<string, T>();
  private nextId = 1;

  constructor(readonly name: string) {}

  newId(): string {
    const id = `${this.name}-${String(this.nextId).padStart(4, '0')}`;
    this.nextId += 1;
    return id;
  }

  insert(row: T): T {
    if (this.rows.has(row.id)) {
      throw new Error(`${this.name}: duplicate id ${row.id}`);
    }
    this.rows.set(row.id, row);
    return row;
  }

  get(id: string): T {
    const row = this.rows.get(id);
    if (!row) {
      throw new Error(`${this.name}: no row with id ${id}`);
    }
    return row;
  }

  delete(id: string): void {
    this.get(id);
    this.rows.delete(id);
  }

  list(filter: (row: T) => boolean = () => true): T[] {
    return [...this.rows.values()].filter(filter);
  }
}

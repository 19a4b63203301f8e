import type { DataSource, EntityMetadata } from 'typeorm';

/** A table of the ledger as a copy reads and writes it, from the entities' metadata. */
export interface CopyTable {
  name: string;
  /** Every column, in the entity's order. */
  columns: CopyColumn[];
  /** The primary key's columns: a copy reads the table in their order, a page at a time. */
  key: string[];
  /** The primary key when the database numbers it (an id sequence), else undefined. */
  generatedId?: string;
  /** Whether the table has a `currency` column: its money is summed per currency. */
  hasCurrency: boolean;
  /** Its money columns (`*_minor`), summed by the check. */
  money: string[];
}

export interface CopyColumn {
  name: string;
  /** Stored as 0/1 on SQLite, as `boolean` on PostgreSQL. */
  boolean: boolean;
}

/**
 * The ledger's tables in an order that writes every referenced row before the rows that
 * reference it (foreign keys, from the entities), ties by name. A table that references
 * itself (a correcting posting names the posting it corrects) is copied in its key's order,
 * which puts the older row first.
 */
export function copyTables(dataSource: DataSource): CopyTable[] {
  const entities = dataSource.entityMetadatas.filter((entity) => entity.tableType !== 'view');
  const byName = new Map(entities.map((entity) => [entity.tableName, entity]));
  const references = new Map(
    entities.map((entity) => [
      entity.tableName,
      new Set(
        entity.foreignKeys
          .map((key) => key.referencedEntityMetadata.tableName)
          .filter((name) => name !== entity.tableName && byName.has(name)),
      ),
    ]),
  );
  const ordered: CopyTable[] = [];
  const placed = new Set<string>();
  while (placed.size < entities.length) {
    const ready = [...byName.keys()]
      .filter((name) => !placed.has(name))
      .filter((name) => [...references.get(name)!].every((other) => placed.has(other)))
      .sort();
    if (ready.length === 0) {
      const left = [...byName.keys()].filter((name) => !placed.has(name)).sort();
      throw new Error(`the ledger's tables reference each other in a cycle: ${left.join(', ')}`);
    }
    for (const name of ready) {
      placed.add(name);
      ordered.push(copyTable(byName.get(name)!));
    }
  }
  return ordered;
}

function copyTable(entity: EntityMetadata): CopyTable {
  const columns = entity.columns.map((column) => ({
    name: column.databaseName,
    boolean: column.type === 'boolean' || column.type === Boolean,
  }));
  const key = entity.primaryColumns.map((column) => column.databaseName);
  const [only] = entity.primaryColumns;
  return {
    name: entity.tableName,
    columns,
    key,
    generatedId:
      entity.primaryColumns.length === 1 && only.generationStrategy === 'increment'
        ? only.databaseName
        : undefined,
    hasCurrency: columns.some((column) => column.name === 'currency'),
    money: columns.map((column) => column.name).filter((name) => name.endsWith('_minor')),
  };
}

-- A host application's own schema, migrated by its own Flyway (default history table).
CREATE TABLE customer (
    id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

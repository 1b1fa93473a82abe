-- A later release of the host, after the adapter's tables are in the same schema.
CREATE TABLE technician (
    id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

-- The customer event store (profiles, sites, equipment, contracts): one row per event, the payload is the whole
-- event as JSON text (header included), as the job event store keeps job events.

CREATE TABLE customer_event (
    -- global position: allocated under the customer_event_position row lock, in commit order, without gaps
    position    BIGINT       NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id VARCHAR(64)  NOT NULL,
    version     BIGINT       NOT NULL,
    event_id    UUID         NOT NULL,
    event_type  VARCHAR(32)  NOT NULL,
    payload     TEXT         NOT NULL,
    CONSTRAINT customer_event_pk PRIMARY KEY (position),
    -- optimistic concurrency: two appends at the same stream version cannot both commit
    CONSTRAINT customer_event_stream_version_uk UNIQUE (tenant_id, customer_id, version),
    -- idempotency: an event id is stored once
    CONSTRAINT customer_event_event_id_uk UNIQUE (event_id),
    CONSTRAINT customer_event_version_ck CHECK (version >= 1),
    CONSTRAINT customer_event_position_ck CHECK (position >= 1)
);

-- The single counter row every customer append locks (UPDATE) for the rest of its transaction.
CREATE TABLE customer_event_position (
    id            SMALLINT NOT NULL,
    last_position BIGINT   NOT NULL,
    CONSTRAINT customer_event_position_pk PRIMARY KEY (id),
    CONSTRAINT customer_event_position_single_row_ck CHECK (id = 1)
);

INSERT INTO customer_event_position (id, last_position) VALUES (1, 0);

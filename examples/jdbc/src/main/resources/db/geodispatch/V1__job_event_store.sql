-- The job event store: one row per event, the JSON payload is the whole event (header included).
-- ${json_type} is JSONB on PostgreSQL and JSON on H2 (see JdbcDatabase).

CREATE TABLE job_event (
    -- global position: allocated under the event_position row lock, in commit order, without gaps
    position   BIGINT       NOT NULL,
    tenant_id  VARCHAR(64)  NOT NULL,
    job_id     VARCHAR(64)  NOT NULL,
    version    BIGINT       NOT NULL,
    event_id   UUID         NOT NULL,
    event_type VARCHAR(32)  NOT NULL,
    payload    ${json_type} NOT NULL,
    CONSTRAINT job_event_pk PRIMARY KEY (position),
    -- optimistic concurrency: two appends at the same stream version cannot both commit
    CONSTRAINT job_event_stream_version_uk UNIQUE (tenant_id, job_id, version),
    -- idempotency: an event id is stored once
    CONSTRAINT job_event_event_id_uk UNIQUE (event_id),
    CONSTRAINT job_event_version_ck CHECK (version >= 1),
    CONSTRAINT job_event_position_ck CHECK (position >= 1)
);

-- The single counter row every append locks (UPDATE) for the rest of its transaction: appends commit in
-- position order, so a reader that has seen position p has seen every event at or below p.
CREATE TABLE event_position (
    id            SMALLINT NOT NULL,
    last_position BIGINT   NOT NULL,
    CONSTRAINT event_position_pk PRIMARY KEY (id),
    CONSTRAINT event_position_single_row_ck CHECK (id = 1)
);

INSERT INTO event_position (id, last_position) VALUES (1, 0);

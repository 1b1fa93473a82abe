-- The stock event store: one row per stock event. A tenant's catalogue (stream_key 'catalogue') and each stock
-- location (stream_key 'location:<id>') are streams; the payload is the whole event as JSON text (StockEventJson).

CREATE TABLE stock_event (
    -- global position: allocated under the stock_position row lock, in commit order, without gaps
    position   BIGINT       NOT NULL,
    tenant_id  VARCHAR(64)  NOT NULL,
    stream_key VARCHAR(80)  NOT NULL,
    version    BIGINT       NOT NULL,
    event_id   UUID         NOT NULL,
    event_type VARCHAR(32)  NOT NULL,
    payload    VARCHAR      NOT NULL,
    CONSTRAINT stock_event_pk PRIMARY KEY (position),
    -- optimistic concurrency: two appends at the same stream version cannot both commit
    CONSTRAINT stock_event_stream_version_uk UNIQUE (tenant_id, stream_key, version),
    -- idempotency: an event id is stored once
    CONSTRAINT stock_event_event_id_uk UNIQUE (event_id),
    CONSTRAINT stock_event_version_ck CHECK (version >= 1),
    CONSTRAINT stock_event_position_ck CHECK (position >= 1)
);

-- The single counter row every stock append locks first and updates last: stock appends are serialised, so
-- positions commit in order and a reader that has seen position p has seen every stock event at or below it.
CREATE TABLE stock_position (
    id            SMALLINT NOT NULL,
    last_position BIGINT   NOT NULL,
    CONSTRAINT stock_position_pk PRIMARY KEY (id),
    CONSTRAINT stock_position_single_row_ck CHECK (id = 1)
);

INSERT INTO stock_position (id, last_position) VALUES (1, 0);

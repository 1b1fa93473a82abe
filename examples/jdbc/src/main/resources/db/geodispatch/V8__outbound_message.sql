-- The messaging engine's outbox (MessageStore): one row per message, keyed by tenant and message key, so a message
-- is queued once however many engine instances hear its event. body is the whole StoredMessage as JSON; the other
-- columns are what the store looks messages up by. Instants are epoch nanoseconds.
CREATE TABLE outbound_message (
    tenant              VARCHAR(128) NOT NULL,
    message_key         VARCHAR(200) NOT NULL,
    recipient           VARCHAR(300) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    version             BIGINT       NOT NULL,
    due_at              BIGINT       NOT NULL,
    sent_at             BIGINT,
    provider_message_id VARCHAR(256),
    body                TEXT         NOT NULL,
    CONSTRAINT outbound_message_pk PRIMARY KEY (tenant, message_key),
    CONSTRAINT outbound_message_version_ck CHECK (version >= 1)
);

CREATE INDEX outbound_message_due_ix ON outbound_message (tenant, status, due_at);
CREATE INDEX outbound_message_provider_ix ON outbound_message (provider_message_id);
CREATE INDEX outbound_message_sent_ix ON outbound_message (tenant, recipient, sent_at);

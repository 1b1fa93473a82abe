-- Where each outbox consumer has got to: the position of the last event it handled.
CREATE TABLE outbox_checkpoint (
    consumer   VARCHAR(128) NOT NULL,
    position   BIGINT       NOT NULL,
    CONSTRAINT outbox_checkpoint_pk PRIMARY KEY (consumer),
    CONSTRAINT outbox_checkpoint_position_ck CHECK (position >= 0)
);

-- Gapless invoice numbers: the last number handed out per series.
CREATE TABLE invoice_series (
    series      VARCHAR(128) NOT NULL,
    last_number BIGINT       NOT NULL,
    CONSTRAINT invoice_series_pk PRIMARY KEY (series),
    CONSTRAINT invoice_series_last_number_ck CHECK (last_number >= 1)
);

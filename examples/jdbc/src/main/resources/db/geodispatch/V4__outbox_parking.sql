-- An outbox consumer whose handler fails on the event after its checkpoint: how many attempts have
-- failed, and when the next one may run (the back-off). Both reset when the checkpoint moves on.
ALTER TABLE outbox_checkpoint ADD COLUMN failed_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox_checkpoint ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;

-- Events a consumer gave up on after its last attempt (poison events): the checkpoint moved past them, and
-- they stay here until the host re-delivers or acknowledges them.
CREATE TABLE outbox_parked (
    consumer   VARCHAR(128)             NOT NULL,
    position   BIGINT                   NOT NULL,
    attempts   INT                      NOT NULL,
    last_error VARCHAR(2000)            NOT NULL,
    parked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outbox_parked_pk PRIMARY KEY (consumer, position),
    CONSTRAINT outbox_parked_consumer_fk FOREIGN KEY (consumer) REFERENCES outbox_checkpoint (consumer),
    CONSTRAINT outbox_parked_event_fk FOREIGN KEY (position) REFERENCES job_event (position),
    CONSTRAINT outbox_parked_attempts_ck CHECK (attempts >= 1)
);

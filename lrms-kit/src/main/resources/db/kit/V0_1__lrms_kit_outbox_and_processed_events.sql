-- The service kit's tables; every LRMS service has them (Flyway location db/kit).

-- Transactional outbox: written in the same transaction as the state change, sent to Kafka by the relay,
-- deleted once Kafka acknowledged it. id orders events; the relay sends in id order.
CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    event_key     TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    envelope      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Idempotent consumption: one row per (consumer, event) already applied, written in the consumer's transaction.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Spring Modulith's JDBC event publication registry (schema version 2 of spring-modulith-events-jdbc
-- 2.0): one row per event and listener, written in the publishing transaction and completed (then
-- deleted, spring.modulith.events.completion-mode=delete) when the listener succeeds. A row that
-- stays is a reaction that failed or has not run yet; EventRetry resubmits it (ADR 0018).
-- Not clinical data of a clinic: it holds the event (ids and dates, no identifiers) until delivered.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${app_role};

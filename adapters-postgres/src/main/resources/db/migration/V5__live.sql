-- Live connections: the connection a write came through, the server instances that are
-- running, which of their connections follow which event, and when members who left an event
-- were last seen there. Presence is a member's: it goes when their membership goes (ON DELETE
-- CASCADE), and an instance's connections go when the instance is expired.

-- The live connection a write came through, when its writer named one, so that the change is
-- not echoed back to it. Connections are not kept once closed, so this is no reference.
ALTER TABLE change_log ADD COLUMN origin uuid;

-- Running server processes, each noting every few seconds that it is alive. One that falls
-- silent has crashed: it is deleted, and its connections with it.
CREATE TABLE server_instances (
    id            uuid        PRIMARY KEY,
    heartbeat_at  timestamptz NOT NULL
);

-- The live connections that follow an event, on the instance that holds them: a member is
-- online in an event while at least one of their connections, on any instance, follows it.
CREATE TABLE presence_connections (
    connection_id  uuid        NOT NULL,
    event_id       uuid        NOT NULL,
    instance_id    uuid        NOT NULL REFERENCES server_instances (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL,
    since          timestamptz NOT NULL,
    PRIMARY KEY (connection_id, event_id),
    CONSTRAINT presence_connections_member FOREIGN KEY (event_id, user_id)
        REFERENCES event_memberships (event_id, user_id) ON DELETE CASCADE
);
-- Tells whether a member is online in an event, and finds their connections when they leave it.
CREATE INDEX presence_connections_event_id_user_id ON presence_connections (event_id, user_id);
-- Finds an expired instance's connections.
CREATE INDEX presence_connections_instance_id ON presence_connections (instance_id);

-- When a member who is offline in an event was last there; online members have no row.
CREATE TABLE presence_last_seen (
    event_id      uuid        NOT NULL,
    user_id       uuid        NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    PRIMARY KEY (event_id, user_id),
    CONSTRAINT presence_last_seen_member FOREIGN KEY (event_id, user_id)
        REFERENCES event_memberships (event_id, user_id) ON DELETE CASCADE
);

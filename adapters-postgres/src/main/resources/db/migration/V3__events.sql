-- Events, who plans them, invitations to join, and each event's change log. Everything inside
-- an event goes when the event goes (ON DELETE CASCADE). Users are never deleted today, so the
-- references that only record who did something are ON DELETE RESTRICT.

-- The events people plan. The CHECKs repeat the domain's limits (EventBrief) so that no writer
-- can store what the domain would refuse. change_seq is the seq of the event's last change: a
-- writer bumps it with UPDATE … RETURNING, which also makes writers of one event take turns.
CREATE TABLE events (
    id                    uuid        PRIMARY KEY,
    title                 text        NOT NULL,
    date                  date,
    timezone              text        NOT NULL,
    currency              text        NOT NULL,
    location              text,
    notes                 text,
    planned_budget_cents  bigint,
    version               bigint      NOT NULL,
    change_seq            bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    created_by            uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    updated_at            timestamptz NOT NULL,
    updated_by            uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT events_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT events_timezone_length CHECK (char_length(timezone) BETWEEN 1 AND 64),
    CONSTRAINT events_currency_code CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT events_location_length CHECK (char_length(location) BETWEEN 1 AND 200),
    CONSTRAINT events_notes_length CHECK (char_length(notes) BETWEEN 1 AND 10000),
    CONSTRAINT events_planned_budget_range CHECK (planned_budget_cents BETWEEN 0 AND 100000000000000),
    CONSTRAINT events_version_positive CHECK (version >= 1),
    CONSTRAINT events_change_seq_not_negative CHECK (change_seq >= 0)
);

-- Who belongs to which event, with which role; at most once per user and event. Roles are
-- stored by their wire names.
CREATE TABLE event_memberships (
    event_id   uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL,
    joined_at  timestamptz NOT NULL,
    version    bigint      NOT NULL,
    PRIMARY KEY (event_id, user_id),
    CONSTRAINT event_memberships_role CHECK (role IN ('owner', 'editor', 'viewer')),
    CONSTRAINT event_memberships_version_positive CHECK (version >= 1)
);
CREATE INDEX event_memberships_user_id ON event_memberships (user_id);

-- Invitations to join an event. Like every secret, the invite token is stored only as its
-- SHA-256. The invitee may have no account yet, so the email is not a reference to users.
CREATE TABLE event_invites (
    id           uuid        PRIMARY KEY,
    event_id     uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL,
    email        text        NOT NULL,
    role         text        NOT NULL,
    invited_by   uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    accepted_at  timestamptz,
    accepted_by  uuid        REFERENCES users (id) ON DELETE RESTRICT,
    revoked_at   timestamptz,
    version      bigint      NOT NULL,
    CONSTRAINT event_invites_hash_unique UNIQUE (token_hash),
    CONSTRAINT event_invites_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT event_invites_email_lower CHECK (email = lower(email)),
    CONSTRAINT event_invites_role CHECK (role IN ('owner', 'editor', 'viewer')),
    CONSTRAINT event_invites_expiry_after_creation CHECK (expires_at > created_at),
    CONSTRAINT event_invites_acceptance CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
    CONSTRAINT event_invites_version_positive CHECK (version >= 1)
);
CREATE INDEX event_invites_event_id ON event_invites (event_id);

-- Every event's changes, numbered 1, 2, 3, … per event without gaps (the seq comes from
-- events.change_seq). Entity types and ops are stored by their wire names; the list of entity
-- types grows with the model, so only their shape is checked. The entity id is text because
-- not every entity is known by a uuid of its own (a member is known by the user's id).
CREATE TABLE change_log (
    event_id     uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq          bigint      NOT NULL,
    entity_type  text        NOT NULL,
    entity_id    text        NOT NULL,
    op           text        NOT NULL,
    version      bigint      NOT NULL,
    actor_id     uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    at           timestamptz NOT NULL,
    PRIMARY KEY (event_id, seq),
    CONSTRAINT change_log_seq_positive CHECK (seq >= 1),
    CONSTRAINT change_log_entity_type_shape CHECK (entity_type ~ '^[a-z][a-z_]*$'),
    CONSTRAINT change_log_entity_id_length CHECK (char_length(entity_id) BETWEEN 1 AND 100),
    CONSTRAINT change_log_op CHECK (op IN ('created', 'updated', 'deleted')),
    CONSTRAINT change_log_version_positive CHECK (version >= 1)
);

-- Notifications: the outbox of work to do once a transaction has committed (mails, push
-- fan-outs, pushes), the devices pushes go to, the coalescing windows that keep a burst of
-- edits from waking a phone more than once, and everyone's notification list. Kinds, states
-- and platforms are stored by their wire names.

-- Work written in the transaction it follows, done by workers after commit. A worker claims
-- a pending item for a lease by moving due_at to the lease's end and counting the attempt;
-- attempts fences its verdict (finish and retry name the attempt they answer). payload holds
-- the item without its secret: a mail's token lives in secret alone, and only while the item
-- is pending, so a delivered, dropped or dead mail keeps no usable link. note is the last
-- failure or the verdict, for whoever reads the dead letters.
CREATE TABLE outbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL,
    payload      jsonb       NOT NULL,
    secret       text,
    state        text        NOT NULL,
    attempts     integer     NOT NULL,
    due_at       timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    note         text,
    CONSTRAINT outbox_kind CHECK (kind IN ('mail', 'fan_out', 'push')),
    CONSTRAINT outbox_payload_object CHECK (jsonb_typeof(payload) = 'object'),
    CONSTRAINT outbox_state CHECK (state IN ('pending', 'delivered', 'dropped', 'dead')),
    CONSTRAINT outbox_secret_while_pending CHECK ((secret IS NOT NULL) = (kind = 'mail' AND state = 'pending')),
    CONSTRAINT outbox_secret_shape CHECK (secret ~ '^[A-Za-z0-9_-]{43}$'),
    CONSTRAINT outbox_attempts_not_negative CHECK (attempts >= 0),
    CONSTRAINT outbox_finished_when_final CHECK ((finished_at IS NULL) = (state = 'pending')),
    CONSTRAINT outbox_note_length CHECK (char_length(note) <= 500)
);
-- Claiming: the due pending items, oldest due first.
CREATE INDEX outbox_pending_due_at_id ON outbox (due_at, id) WHERE state = 'pending';
-- Purging: delivered and dropped items by when they finished (dead letters stay).
CREATE INDEX outbox_purgeable_finished_at ON outbox (finished_at) WHERE state IN ('delivered', 'dropped');

-- The devices pushes go to, each registered through one bearer: signing that bearer out
-- stops its pushes, and deleting it deletes the device. A push token may be up to 4 096
-- characters, more than a B-tree entry may hold, so rows are keyed by the token's SHA-256
-- (over its ASCII bytes), which the CHECK ties to the token whoever writes.
CREATE TABLE push_devices (
    token_sha256   bytea       PRIMARY KEY,
    token          text        NOT NULL,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform       text        NOT NULL,
    bearer_hash    bytea       NOT NULL REFERENCES bearer_tokens (token_hash) ON DELETE CASCADE,
    registered_at  timestamptz NOT NULL,
    CONSTRAINT push_devices_token_shape CHECK (char_length(token) BETWEEN 1 AND 4096 AND token ~ '^[!-~]+$'),
    CONSTRAINT push_devices_token_sha256 CHECK (token_sha256 = sha256(convert_to(token, 'UTF8'))),
    CONSTRAINT push_devices_platform CHECK (platform IN ('android', 'ios', 'web'))
);
-- A person's devices, most recently registered first.
CREATE INDEX push_devices_user_id_registered_at ON push_devices (user_id, registered_at DESC);
-- Finds a deleted bearer's devices.
CREATE INDEX push_devices_bearer_hash ON push_devices (bearer_hash);

-- When a push about an event last went to a person: none goes again within the coalescing
-- window. Rows whose window has long passed are purged.
CREATE TABLE push_windows (
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id   uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    opened_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, event_id)
);
-- Finds a deleted event's windows.
CREATE INDEX push_windows_event_id ON push_windows (event_id);
-- Purging.
CREATE INDEX push_windows_opened_at ON push_windows (opened_at);

-- Each person's notification list, newest first, at most a fixed number each (the oldest
-- make way). The actor is kept without a reference: a notification outlives its actor's
-- account and then reads "Someone". subject is the entity's title when it happened, detail
-- what the kind's copy adds (or empty text). Entity types grow with the model, so only their
-- shape is checked, as in change_log.
CREATE TABLE notifications (
    id            uuid        PRIMARY KEY,
    recipient_id  uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id      uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind          text        NOT NULL,
    actor_id      uuid        NOT NULL,
    entity_type   text        NOT NULL,
    entity_id     text        NOT NULL,
    seq           bigint      NOT NULL,
    subject       text        NOT NULL,
    detail        text        NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    CONSTRAINT notifications_kind CHECK (kind IN ('task_done', 'task_assigned', 'rsvp_changed', 'member_joined',
                                                  'invited')),
    CONSTRAINT notifications_entity_type_shape CHECK (entity_type ~ '^[a-z][a-z_]*$')
);
-- A person's list, newest first (ties by id, as the list pages), and trimming it.
CREATE INDEX notifications_recipient_id_created_at_id ON notifications (recipient_id, created_at DESC, id DESC);
-- A person's unread ones: counting them, and the unread-only list.
CREATE INDEX notifications_unread ON notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL;
-- Finds a deleted event's notifications.
CREATE INDEX notifications_event_id ON notifications (event_id);

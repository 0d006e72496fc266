-- The planning resources of an event — households and their guests, the checklist, the budget
-- with its receipts — and the bytes of uploaded files. Everything inside an event goes when the
-- event goes (ON DELETE CASCADE). As in V3, references that only record who did something are
-- ON DELETE RESTRICT. The CHECKs repeat the domain's limits (HouseholdDetails, GuestDetails,
-- TaskDetails, BudgetItemDetails, Receipt) so that no writer can store what the domain would
-- refuse; per-event counts (at most 2 000 guests, …) are the services' to keep.

-- Guests invited together, with one address. UNIQUE (event_id, id) lets guests reference a
-- household of their own event only, and is also the index for listing an event's households.
CREATE TABLE households (
    id          uuid        PRIMARY KEY,
    event_id    uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    address     text,
    notes       text,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT households_event_id_id UNIQUE (event_id, id),
    CONSTRAINT households_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT households_address_length CHECK (char_length(address) BETWEEN 1 AND 1000),
    CONSTRAINT households_notes_length CHECK (char_length(notes) BETWEEN 1 AND 10000),
    CONSTRAINT households_version_positive CHECK (version >= 1)
);

-- One person on the guest list. The household reference includes the event, so a guest's
-- household is always one of the same event; it is NO ACTION, so a household that still has
-- guests cannot be deleted (deleting the event removes both, checked at the statement's end).
-- RSVPs are stored by their wire names.
CREATE TABLE guests (
    id             uuid        PRIMARY KEY,
    event_id       uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    household_id   uuid        NOT NULL,
    name           text        NOT NULL,
    email          text,
    phone          text,
    rsvp           text        NOT NULL,
    meal_choice    text,
    dietary_notes  text,
    plus_one       boolean     NOT NULL,
    plus_one_name  text,
    child          boolean     NOT NULL,
    notes          text,
    version        bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    updated_at     timestamptz NOT NULL,
    updated_by     uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT guests_household FOREIGN KEY (event_id, household_id) REFERENCES households (event_id, id),
    CONSTRAINT guests_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT guests_email_shape CHECK (email = lower(email) AND char_length(email) BETWEEN 3 AND 254
        AND email LIKE '%_@_%'),
    CONSTRAINT guests_phone_shape CHECK (char_length(phone) BETWEEN 1 AND 40 AND phone ~ '^[-0-9+()./ ]+$'
        AND phone ~ '[0-9]'),
    CONSTRAINT guests_rsvp CHECK (rsvp IN ('pending', 'yes', 'no', 'maybe')),
    CONSTRAINT guests_meal_choice_length CHECK (char_length(meal_choice) BETWEEN 1 AND 200),
    CONSTRAINT guests_dietary_notes_length CHECK (char_length(dietary_notes) BETWEEN 1 AND 1000),
    CONSTRAINT guests_plus_one_name_length CHECK (char_length(plus_one_name) BETWEEN 1 AND 200),
    CONSTRAINT guests_plus_one_name_needs_plus_one CHECK (plus_one_name IS NULL OR plus_one),
    CONSTRAINT guests_notes_length CHECK (char_length(notes) BETWEEN 1 AND 10000),
    CONSTRAINT guests_version_positive CHECK (version >= 1)
);
-- Lists an event's guests, a household's guests, and finds a household's guests when it is deleted.
CREATE INDEX guests_event_id_household_id ON guests (event_id, household_id);

-- The checklist. The due date is a day in the event's calendar. An assignee must be a member
-- of the event: the reference is NO ACTION, not RESTRICT, because deleting the event cascades
-- to both tables and only the end-of-statement check sees both gone. Removing a member who
-- still has tasks is refused; the service unassigns their tasks first.
CREATE TABLE tasks (
    id           uuid        PRIMARY KEY,
    event_id     uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title        text        NOT NULL,
    notes        text,
    due_on       date,
    assignee_id  uuid,
    done_at      timestamptz,
    done_by      uuid        REFERENCES users (id) ON DELETE RESTRICT,
    version      bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    updated_at   timestamptz NOT NULL,
    updated_by   uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT tasks_assignee FOREIGN KEY (event_id, assignee_id) REFERENCES event_memberships (event_id, user_id),
    CONSTRAINT tasks_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT tasks_notes_length CHECK (char_length(notes) BETWEEN 1 AND 10000),
    CONSTRAINT tasks_due_on_range CHECK (due_on BETWEEN DATE '1900-01-01' AND DATE '2999-12-31'),
    CONSTRAINT tasks_completion CHECK ((done_at IS NULL) = (done_by IS NULL)),
    CONSTRAINT tasks_version_positive CHECK (version >= 1)
);
-- Lists an event's tasks (by assignee too), and finds a member's tasks when they leave.
CREATE INDEX tasks_event_id_assignee_id ON tasks (event_id, assignee_id);

-- The budget. Amounts are whole minor units of the event's currency (bigint, never numeric or
-- float); actual_cents is NULL until the bill is known, which is not the same as 0.
-- UNIQUE (event_id, id) lets receipts reference an item of their own event only, and is also
-- the index for listing an event's items.
CREATE TABLE budget_items (
    id               uuid        PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    category         text        NOT NULL,
    title            text        NOT NULL,
    vendor           text,
    estimated_cents  bigint      NOT NULL,
    actual_cents     bigint,
    paid_cents       bigint      NOT NULL,
    due_on           date,
    notes            text,
    version          bigint      NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    updated_at       timestamptz NOT NULL,
    updated_by       uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT budget_items_event_id_id UNIQUE (event_id, id),
    CONSTRAINT budget_items_category_length CHECK (char_length(category) BETWEEN 1 AND 100),
    CONSTRAINT budget_items_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT budget_items_vendor_length CHECK (char_length(vendor) BETWEEN 1 AND 200),
    CONSTRAINT budget_items_estimated_range CHECK (estimated_cents BETWEEN 0 AND 1000000000000),
    CONSTRAINT budget_items_actual_range CHECK (actual_cents BETWEEN 0 AND 1000000000000),
    CONSTRAINT budget_items_paid_range CHECK (paid_cents BETWEEN 0 AND 1000000000000),
    CONSTRAINT budget_items_due_on_range CHECK (due_on BETWEEN DATE '1900-01-01' AND DATE '2999-12-31'),
    CONSTRAINT budget_items_notes_length CHECK (char_length(notes) BETWEEN 1 AND 10000),
    CONSTRAINT budget_items_version_positive CHECK (version >= 1)
);

-- The metadata of files kept for a budget item; their bytes are in blobs under the receipt's
-- id (no reference: a blob store need not be this database). A receipt is never edited, so it
-- has no version column (it is at version 1 until deleted) and no updated_*. Deleting the item
-- deletes its receipts' metadata; the service deletes their bytes.
CREATE TABLE receipts (
    id              uuid        PRIMARY KEY,
    event_id        uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    budget_item_id  uuid        NOT NULL,
    file_name       text        NOT NULL,
    media_type      text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sha256          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT receipts_budget_item FOREIGN KEY (event_id, budget_item_id)
        REFERENCES budget_items (event_id, id) ON DELETE CASCADE,
    CONSTRAINT receipts_file_name_length CHECK (char_length(file_name) BETWEEN 1 AND 200),
    CONSTRAINT receipts_media_type CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic',
        'application/pdf')),
    CONSTRAINT receipts_size_positive CHECK (size_bytes >= 1),
    CONSTRAINT receipts_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
-- Lists an item's and an event's receipts, and finds an item's receipts when it is deleted.
CREATE INDEX receipts_event_id_budget_item_id ON receipts (event_id, budget_item_id);

-- The bytes of stored files (the default BlobStore), kept in the database so that one pg_dump
-- is a whole backup. A file is split into numbered chunks of a fixed size (256 KiB) rather than
-- kept in one bytea or a large object: it is written and read one chunk per statement, so
-- neither the server nor the database driver ever holds a whole file in memory, and the rows
-- stay ordinary rows that pg_dump, replication and ON DELETE CASCADE handle as usual.
-- A blob row is written first, with sha256 NULL while its chunks are being written, and gets
-- its size and digest at the end; readers only see blobs whose sha256 is set.
CREATE TABLE blobs (
    id          uuid        PRIMARY KEY,
    size_bytes  bigint      NOT NULL DEFAULT 0,
    sha256      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT blobs_size_not_negative CHECK (size_bytes >= 0),
    CONSTRAINT blobs_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

CREATE TABLE blob_chunks (
    blob_id  uuid  NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    n        int   NOT NULL,
    data     bytea NOT NULL,
    PRIMARY KEY (blob_id, n),
    CONSTRAINT blob_chunks_n_not_negative CHECK (n >= 0),
    CONSTRAINT blob_chunks_data_not_empty CHECK (octet_length(data) >= 1)
);

-- Receipts are photos and PDFs, already compressed: keep chunks out of line without trying to
-- compress them again.
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

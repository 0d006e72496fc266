-- People who can sign in. Emails are stored lower-cased (the domain normalises them), so a
-- plain unique index is case-insensitive in effect; the CHECK keeps every writer honest.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz,
    CONSTRAINT users_email_unique UNIQUE (email),
    CONSTRAINT users_email_lower CHECK (email = lower(email)),
    CONSTRAINT users_email_length CHECK (char_length(email) BETWEEN 3 AND 254),
    CONSTRAINT users_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 100)
);

-- Sign-in secrets. Only the SHA-256 of each token is stored (32 bytes), never the token.

-- One-time sign-in links. The user behind the address is created when a link is used, so
-- the email here is not a reference to users.
CREATE TABLE magic_links (
    token_hash    bytea       PRIMARY KEY,
    email         text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    consumed_at   timestamptz,
    requester_ip  text        NOT NULL,
    CONSTRAINT magic_links_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT magic_links_email_lower CHECK (email = lower(email)),
    CONSTRAINT magic_links_requester_ip_length CHECK (char_length(requester_ip) BETWEEN 1 AND 64),
    CONSTRAINT magic_links_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX magic_links_expires_at ON magic_links (expires_at);

-- The bearers of signed-in devices.
CREATE TABLE bearer_tokens (
    token_hash    bytea       PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz NOT NULL,
    revoked_at    timestamptz,
    device_label  text,
    CONSTRAINT bearer_tokens_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT bearer_tokens_device_label_length CHECK (char_length(device_label) BETWEEN 1 AND 100)
);
CREATE INDEX bearer_tokens_user_id ON bearer_tokens (user_id);
CREATE INDEX bearer_tokens_revoked_at ON bearer_tokens (revoked_at) WHERE revoked_at IS NOT NULL;

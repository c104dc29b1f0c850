CREATE TABLE members (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(30)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(10)  NOT NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_members_username UNIQUE (username),
    CONSTRAINT ck_members_role CHECK (role IN ('FAN', 'ADMIN'))
);

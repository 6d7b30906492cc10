-- Account data: the address book, and single-use links sent by email (password reset, email change).

create sequence addresses_seq start with 1 increment by 50;
create sequence account_tokens_seq start with 1 increment by 50;

create table addresses (
    id           bigint primary key,
    user_id      bigint not null references users (id) on delete cascade,
    name         varchar(120) not null,
    line1        varchar(200) not null,
    line2        varchar(200) not null default '',
    city         varchar(120) not null,
    region       varchar(120) not null default '',
    postal_code  varchar(20) not null,
    -- ISO 3166-1 alpha-2
    country      varchar(2) not null check (country ~ '^[A-Z]{2}$'),
    is_default   boolean not null default false,
    created_at   timestamptz not null default now()
);
create index addresses_user_idx on addresses (user_id);
-- at most one default address per user
create unique index addresses_one_default_idx on addresses (user_id) where is_default;

create table account_tokens (
    id          bigint primary key,
    user_id     bigint not null references users (id) on delete cascade,
    -- SHA-256 of the token in the emailed link; the token itself is never stored
    token_hash  varchar(64) not null unique,
    purpose     varchar(20) not null check (purpose in ('PASSWORD_RESET', 'EMAIL_CHANGE')),
    new_email   varchar(254),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index account_tokens_user_idx on account_tokens (user_id);

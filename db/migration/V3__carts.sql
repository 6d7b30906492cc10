-- Carts: the durable copy of what Redis serves. A change is acknowledged only once it is here.

create table carts (
    -- an unguessable id (32 random bytes, base64url), the guest's cookie and the API's handle
    id          varchar(43) primary key,
    -- the account whose cart this is; at most one per account
    user_id     bigint unique references users (id) on delete cascade,
    -- bumped by every change; Redis keeps a snapshot only if it is not older than what it holds
    version     bigint not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    expires_at  timestamptz not null
);
create index carts_expires_idx on carts (expires_at);

create table cart_lines (
    cart_id           varchar(43) not null references carts (id) on delete cascade,
    sku               varchar(64) not null,
    quantity          integer not null check (quantity between 1 and 99),
    -- the price when the line was added, to tell the shopper when it has changed since
    unit_price_amount bigint not null check (unit_price_amount >= 0),
    currency          varchar(3) not null,
    added_at          timestamptz not null default now(),
    primary key (cart_id, sku)
);

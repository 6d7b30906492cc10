-- Store admin: shipping and refunds of orders, notes on stock movements, the audit log, and bulk imports.

alter table orders
    add column shipped_at      timestamptz,
    add column tracking_number varchar(100),
    -- what has been given back so far; never more than was paid
    add column refunded_amount bigint not null default 0,
    add constraint orders_refund_within_total check (refunded_amount between 0 and total_amount);
create index orders_created_idx on orders (created_at desc);
create index orders_status_idx on orders (status, created_at desc);

-- Refunds of an order, each with its own idempotency key at the payment provider (refund-<id>).
create sequence refunds_seq start with 1 increment by 50;
create table refunds (
    id           bigint primary key,
    order_id     bigint not null references orders (id) on delete cascade,
    amount       bigint not null check (amount > 0),
    reason       varchar(200) not null default '',
    status       varchar(20) not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_ref varchar(255),
    actor        varchar(254) not null,
    created_at   timestamptz not null default now()
);
create index refunds_order_idx on refunds (order_id);

-- Why an admin changed stock, in their words ("pallet 7 dropped").
alter table inventory_movements add column note varchar(200) not null default '';

-- Who did what in the admin, with the record before and after an edit.
create sequence audit_log_seq start with 1 increment by 50;
create table audit_log (
    id          bigint primary key,
    actor       varchar(254) not null,
    action      varchar(60) not null,
    target_type varchar(40) not null,
    target      varchar(200) not null,
    before      jsonb,
    after       jsonb,
    created_at  timestamptz not null default now()
);
create index audit_log_created_idx on audit_log (created_at desc);
create index audit_log_target_idx on audit_log (target_type, target);

-- A bulk CSV import and how far it got; the report of bad lines is kept with it.
create table import_jobs (
    id          varchar(43) primary key,
    file_name   varchar(255) not null,
    actor       varchar(254) not null,
    status      varchar(20) not null check (status in ('VALIDATING', 'IMPORTING', 'SUCCEEDED', 'FAILED')),
    bytes_total bigint not null,
    bytes_read  bigint not null default 0,
    rows_read   integer not null default 0,
    rows_imported integer not null default 0,
    error_count integer not null default 0,
    errors      jsonb not null default '[]'::jsonb,
    message     varchar(500) not null default '',
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);

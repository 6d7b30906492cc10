-- Checkout: orders with frozen lines, their payments, inventory movements, and the email outbox.

create sequence orders_seq start with 1 increment by 50;

create table orders (
    id                bigint primary key,
    -- what shoppers see and quote, e.g. SF-7K2M9Q
    number            varchar(16) not null unique,
    status            varchar(24) not null check (status in
                        ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    user_id           bigint references users (id) on delete set null,
    email             varchar(254) not null,
    -- the guest's key to the order page, in the confirmation link (like a cart id: unguessable)
    access_token      varchar(43) not null,
    cart_id           varchar(43),
    ship_name         varchar(120) not null,
    ship_line1        varchar(200) not null,
    ship_line2        varchar(200) not null default '',
    ship_city         varchar(120) not null,
    ship_region       varchar(120) not null default '',
    ship_postal_code  varchar(20) not null,
    ship_country      varchar(2) not null,
    shipping_method   varchar(40) not null,
    currency          varchar(3) not null,
    subtotal_amount   bigint not null check (subtotal_amount >= 0),
    shipping_amount   bigint not null check (shipping_amount >= 0),
    tax_amount        bigint not null check (tax_amount >= 0),
    total_amount      bigint not null check (total_amount >= 0),
    -- stock is held for the order until then; the sweeper cancels unpaid orders past it
    reserved_until    timestamptz not null,
    created_at        timestamptz not null default now(),
    paid_at           timestamptz,
    cancelled_at      timestamptz,
    cancel_reason     varchar(200)
);
create index orders_user_idx on orders (user_id, created_at desc);
create index orders_pending_idx on orders (reserved_until) where status = 'PENDING_PAYMENT';

create table order_lines (
    order_id          bigint not null references orders (id) on delete cascade,
    position          integer not null,
    variant_id        bigint not null references variants (id),
    sku               varchar(64) not null,
    name              varchar(300) not null,
    variant_label     varchar(200) not null default '',
    unit_price_amount bigint not null check (unit_price_amount >= 0),
    quantity          integer not null check (quantity between 1 and 99),
    line_total_amount bigint not null check (line_total_amount >= 0),
    primary key (order_id, position)
);

create table payments (
    -- one payment attempt per order: retries reuse it, so a customer is never charged twice
    order_id      bigint primary key references orders (id) on delete cascade,
    provider      varchar(20) not null,
    provider_ref  varchar(255) unique,
    status        varchar(20) not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    amount        bigint not null,
    currency      varchar(3) not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create sequence inventory_movements_seq start with 1 increment by 50;
create table inventory_movements (
    id          bigint primary key,
    variant_id  bigint not null references variants (id),
    delta       integer not null,
    reason      varchar(40) not null,
    order_id    bigint references orders (id),
    actor       varchar(254),
    on_hand_after integer not null,
    created_at  timestamptz not null default now()
);
create index inventory_movements_variant_idx on inventory_movements (variant_id, created_at desc);

create sequence outbox_emails_seq start with 1 increment by 50;
create table outbox_emails (
    id              bigint primary key,
    -- one email of a kind per order, whatever happens
    order_id        bigint references orders (id) on delete cascade,
    kind            varchar(30) not null,
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    html            text not null,
    text            text not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      varchar(500),
    created_at      timestamptz not null default now(),
    unique (order_id, kind)
);
create index outbox_emails_due_idx on outbox_emails (next_attempt_at) where sent_at is null;

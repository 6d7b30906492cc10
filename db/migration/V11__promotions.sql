-- Promotions: discount codes and automatic promotions (promotion/). Money in minor units, percentages in basis
-- points (1500 = 15%). Usage limits are counted in the same transaction as the order, by conditional updates on
-- these rows (a use is taken only while uses < usage_limit), and given back when an unpaid order is cancelled.
create sequence promotions_seq start with 1 increment by 50;
create table promotions (
    id                 bigint primary key,
    name               varchar(120) not null,
    -- PERCENT_OFF (percent_bp), AMOUNT_OFF (amount), FREE_SHIPPING
    kind               varchar(20) not null check (kind in ('PERCENT_OFF', 'AMOUNT_OFF', 'FREE_SHIPPING')),
    percent_bp         integer check (percent_bp between 1 and 10000),
    amount             bigint check (amount > 0),
    -- what it discounts: the whole order, or only these products, categories (with their subcategories) or SKUs
    applies_to         varchar(12) not null default 'ORDER' check (applies_to in ('ORDER', 'PRODUCTS', 'CATEGORIES', 'SKUS')),
    targets            text[] not null default '{}',
    -- automatic promotions need no code: they apply whenever the cart qualifies
    automatic          boolean not null default false,
    min_subtotal       bigint check (min_subtotal > 0),
    min_quantity       integer check (min_quantity > 0),
    starts_at          timestamptz,
    ends_at            timestamptz,
    first_order_only   boolean not null default false,
    signed_in_only     boolean not null default false,
    usage_limit        integer check (usage_limit > 0),
    per_customer_limit integer check (per_customer_limit > 0),
    combinable         boolean not null default false,
    status             varchar(8) not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'ENDED')),
    uses               integer not null default 0 check (uses >= 0 and (usage_limit is null or uses <= usage_limit)),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check ((kind = 'PERCENT_OFF') = (percent_bp is not null)),
    check ((kind = 'AMOUNT_OFF') = (amount is not null)),
    check (ends_at is null or starts_at is null or ends_at > starts_at)
);

-- The codes of a promotion, stored upper-case (codes are case-insensitive); bulk-generated codes are single-use.
create table promotion_codes (
    code         varchar(40) primary key check (code = upper(code) and code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    promotion_id bigint not null references promotions (id) on delete cascade,
    usage_limit  integer check (usage_limit > 0),
    uses         integer not null default 0 check (uses >= 0 and (usage_limit is null or uses <= usage_limit)),
    created_at   timestamptz not null default now()
);
create index promotion_codes_promotion_idx on promotion_codes (promotion_id);

-- The codes a shopper applied to a cart, in the order applied; checked again at checkout.
create table cart_discount_codes (
    cart_id  varchar(43) not null references carts (id) on delete cascade,
    code     varchar(40) not null,
    added_at timestamptz not null default now(),
    primary key (cart_id, code)
);

-- What each order was given, frozen like its lines: the promotion's name then, the code used, the amount. A
-- use counts while released_at is null; cancelling an unpaid order releases it.
create table order_discounts (
    order_id        bigint not null references orders (id) on delete cascade,
    promotion_id    bigint not null references promotions (id),
    name            varchar(120) not null,
    code            varchar(40),
    amount          bigint not null check (amount >= 0),
    user_id         bigint,
    email           varchar(254) not null,
    released_at     timestamptz,
    created_at      timestamptz not null default now(),
    primary key (order_id, promotion_id)
);
create index order_discounts_promotion_idx on order_discounts (promotion_id) where released_at is null;
create index order_discounts_customer_idx on order_discounts (promotion_id, lower(email)) where released_at is null;

alter table orders add column discount_amount bigint not null default 0 check (discount_amount >= 0);
-- what gave the discount, as the order page, emails and API say it: "Spring sale (SPRING15), Free shipping"
alter table orders add column discount_label varchar(400) not null default '';
alter table order_lines add column discount_amount bigint not null default 0 check (discount_amount >= 0);

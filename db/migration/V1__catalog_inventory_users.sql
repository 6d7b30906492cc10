-- The storefront's first schema: the catalog (categories, products, variants), stock per SKU,
-- and users with roles. Hibernate only validates against it; Flyway owns every change.

-- Hibernate's pooled sequences hand out ids in blocks of 50.
create sequence categories_seq start with 1 increment by 50;
create sequence products_seq start with 1 increment by 50;
create sequence variants_seq start with 1 increment by 50;
create sequence users_seq start with 1 increment by 50;

create table categories (
    id          bigint primary key,
    parent_id   bigint references categories (id) on delete restrict,
    slug        varchar(120) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(120) not null,
    description text not null default '',
    position    integer not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (parent_id is null or parent_id <> id)
);
create index categories_parent_idx on categories (parent_id, position);

create table products (
    id          bigint primary key,
    category_id bigint not null references categories (id) on delete restrict,
    slug        varchar(160) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(200) not null,
    description text not null default '',
    brand       varchar(120) not null,
    attributes  jsonb not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    images      jsonb not null default '[]'::jsonb check (jsonb_typeof(images) = 'array'),
    active      boolean not null default true,
    featured    boolean not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index products_category_idx on products (category_id) where active;
create index products_featured_idx on products (created_at desc) where active and featured;
create index products_created_idx on products (created_at desc) where active;

create table variants (
    id           bigint primary key,
    product_id   bigint not null references products (id) on delete cascade,
    sku          varchar(64) not null unique check (sku ~ '^[A-Z0-9][A-Z0-9-]*$'),
    attributes   jsonb not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    price_amount bigint not null check (price_amount >= 0),
    currency     varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    position     integer not null default 0,
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index variants_product_idx on variants (product_id, position);

-- One row per SKU. available = on_hand - reserved; checkout reserves, payment turns a reservation
-- into a sale. The checks make overselling and negative stock impossible at the database level.
create table stock_levels (
    variant_id          bigint primary key references variants (id) on delete cascade,
    on_hand             integer not null default 0 check (on_hand >= 0),
    reserved            integer not null default 0 check (reserved >= 0),
    low_stock_threshold integer not null default 5 check (low_stock_threshold >= 0),
    version             bigint not null default 0,
    updated_at          timestamptz not null default now(),
    check (reserved <= on_hand)
);

create table users (
    id            bigint primary key,
    email         varchar(254) not null,
    password_hash varchar(100) not null,
    name          varchar(120) not null default '',
    -- comma-separated roles as Quarkus Security JPA reads them: 'customer', 'admin'
    roles         varchar(200) not null default 'customer' check (roles ~ '^[a-z]+(,[a-z]+)*$'),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
-- emails are unique whatever their case
create unique index users_email_idx on users (lower(email));

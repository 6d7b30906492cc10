-- The back office's order page: the carrier an order was shipped with (beside its tracking number), and
-- internal notes the store's people write on an order (never shown to the shopper).

alter table orders add column carrier varchar(60);

create table order_notes (
    id         bigserial primary key,
    order_id   bigint not null references orders (id) on delete cascade,
    -- the admin or staff member's email
    author     varchar(320) not null,
    body       varchar(2000) not null,
    created_at timestamptz not null default clock_timestamp()
);
create index order_notes_order_idx on order_notes (order_id, id);

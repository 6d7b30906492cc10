-- The order's life: one pending order per cart, who placed it (for the reservation caps), and a history
-- of every move (order/OrderLifecycle).

-- What the checkout was (contents, prices, address, method): the same cart checked out again with the
-- same fingerprint resumes its order; another fingerprint replaces it.
alter table orders add column checkout_fingerprint varchar(64);
-- The address the checkout came from (after Nginx), counted by the reservation caps.
alter table orders add column client_address varchar(45);

-- Before the constraint: carts checked out more than once keep their newest pending order; the others
-- are cancelled and their reservations released, as the sweeper would have done.
with ranked as (
    select id, row_number() over (partition by cart_id order by created_at desc, id desc) as newest
    from orders where status = 'PENDING_PAYMENT' and cart_id is not null
), replaced as (
    update orders o set status = 'CANCELLED', cancelled_at = now(),
        cancel_reason = 'replaced by a newer checkout of the same cart'
    from ranked r where o.id = r.id and r.newest > 1
    returning o.id
), released as (
    select l.variant_id, sum(l.quantity) as quantity
    from order_lines l join replaced r on r.id = l.order_id group by l.variant_id
)
update stock_levels s set reserved = greatest(0, s.reserved - released.quantity), version = s.version + 1,
    updated_at = now()
from released where s.variant_id = released.variant_id;

-- A cart has at most one order waiting for payment.
create unique index orders_one_pending_per_cart on orders (cart_id)
    where status = 'PENDING_PAYMENT' and cart_id is not null;
-- The caps count a shopper's pending orders by email and by address.
create index orders_pending_email_idx on orders (lower(email)) where status = 'PENDING_PAYMENT';
create index orders_pending_client_idx on orders (client_address) where status = 'PENDING_PAYMENT';

-- Every move of every order: from (null when the order was made), to, when, who or what, why.
create table order_events (
    id          bigserial primary key,
    order_id    bigint not null references orders (id) on delete cascade,
    from_status varchar(24),
    to_status   varchar(24) not null,
    at          timestamptz not null default clock_timestamp(),
    -- "shopper", "admin:<email>", "stripe:<event id>", "payment page", "sweeper", …
    actor       varchar(200) not null,
    reason      varchar(300) not null default ''
);
create index order_events_order_idx on order_events (order_id, id);

-- The orders made before this history: their creation and their present state, as far as it is known.
insert into order_events (order_id, from_status, to_status, at, actor, reason)
select id, null, 'PENDING_PAYMENT', created_at, 'shopper', 'checkout' from orders;
insert into order_events (order_id, from_status, to_status, at, actor, reason)
select id, 'PENDING_PAYMENT', status, coalesce(cancelled_at, paid_at, created_at), 'before the history',
    coalesce(cancel_reason, '')
from orders where status <> 'PENDING_PAYMENT';

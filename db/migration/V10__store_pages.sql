-- The store's own pages (shipping, returns, privacy, terms, contact, ...), written by the admin in Markdown
-- and linked from every page's footer. Raw HTML in the text is shown as text, never run (content/StorePages).
create sequence store_pages_seq start with 1 increment by 50;
create table store_pages (
    id         bigint primary key,
    slug       varchar(80) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title      varchar(120) not null,
    body       text not null,
    published  boolean not null default true,
    in_footer  boolean not null default true,
    position   int not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- The footer is on every page: a change announces 's:' on catalog_changed, so that every instance drops the
-- pages it keeps in memory and reads the footer again (catalog/CatalogChanges).
create function store_pages_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('catalog_changed', 's:');
    return null;
end $$;
create trigger store_pages_changed after insert or update or delete on store_pages
    for each statement execute function store_pages_changed();

insert into store_pages (id, slug, title, body, position) values
(nextval('store_pages_seq'), 'shipping', 'Shipping', $md$
We ship every order from our own warehouse within one working day of payment.

- **Standard**: 3–5 working days.
- **Express**: 1–2 working days.

The price of each is shown at checkout, before you pay.

You get an email with the carrier and a tracking link as soon as your parcel leaves us. Your order page
shows the same, at any time.
$md$, 1),
(nextval('store_pages_seq'), 'returns', 'Returns and refunds', $md$
Changed your mind? Send unworn, unused items back **within 30 days** of delivery for a full refund of
what you paid for them.

1. Write to us with your order number.
2. Pack the items in their original packaging.
3. We refund to the card you paid with within 5 working days of receiving them, and email you when we do.
$md$, 2),
(nextval('store_pages_seq'), 'privacy', 'Privacy', $md$
We keep what we need to deliver your orders and run your account: your name, email, addresses and
orders. Card details go straight to our payment provider; we never see or store them.

We do not sell your data or show you third-party advertising. You can ask us to delete your account at
any time.
$md$, 3),
(nextval('store_pages_seq'), 'terms', 'Terms of sale', $md$
Prices include the taxes shown at checkout. A contract is made when we confirm your payment by email.
If we cannot deliver an item, we refund it in full.
$md$, 4),
(nextval('store_pages_seq'), 'contact', 'Contact', $md$
Questions about an order, a product or a return? Write to us and we answer within one working day.

Please include your order number when it is about an order.
$md$, 5);

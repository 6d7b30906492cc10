-- The product editor: a variant's compare-at price (the "was" price shown struck through beside a lower
-- price; null when there is none), and each product picture's alternative text, by picture address.

alter table variants add column compare_at_amount bigint check (compare_at_amount > 0);
alter table products add column image_alts jsonb not null default '{}'::jsonb;

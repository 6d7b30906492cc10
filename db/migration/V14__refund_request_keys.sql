-- A refund confirmed twice (a double click, two tabs, a retried request) is one refund: the confirmation
-- carries a key of its own, and a second refund with the same key on the same order is never made.
alter table refunds add column request_key varchar(64);
create unique index refunds_request_key_idx on refunds (order_id, request_key) where request_key is not null;

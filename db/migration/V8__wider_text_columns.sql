-- An audit entry's target may be a customer's email (up to 254 characters, as registration accepts), and an
-- order event's actor an admin's email: both columns hold what they are given (they were 200).
alter table audit_log alter column target type varchar(254);
alter table order_events alter column actor type varchar(254);
-- A variant's label joins up to 10 attribute values of up to 60 characters ("M / Navy / …"): an order line
-- keeps all of it (it was 200, so such a variant could not be checked out).
alter table order_lines alter column variant_label type varchar(700);

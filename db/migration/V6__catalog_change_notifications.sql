-- Every committed change to what shoppers see of the catalog (products, variants, prices, pictures,
-- categories, stock) is announced on the channel catalog_changed, so that every store instance
-- re-indexes those products and drops the read models it keeps in memory (catalog/CatalogChanges
-- listens). PostgreSQL delivers a NOTIFY only when its transaction commits, in commit order, and never
-- for a rollback: the announcement cannot run ahead of the data, and no writer (entity, SQL, CSV
-- import) can forget to make it.
--
-- Payload: 'p:' and the changed products' ids separated by commas (at most 500 per notification), or
-- 'c:' and the ids of changed categories (their products and those of their subcategories changed too).

create function announce_catalog_change(kind text, ids bigint[]) returns void language plpgsql as $$
declare
    chunk int := 500;
    i int := 1;
begin
    if ids is null then
        return;
    end if;
    while i <= cardinality(ids) loop
        perform pg_notify('catalog_changed', kind || ':' || array_to_string(ids[i : i + chunk - 1], ','));
        i := i + chunk;
    end loop;
end $$;

create function products_changed() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        perform announce_catalog_change('p', array(select distinct id from new_rows));
    elsif TG_OP = 'UPDATE' then
        perform announce_catalog_change('p', array(select distinct id from new_rows));
    else
        perform announce_catalog_change('p', array(select distinct id from old_rows));
    end if;
    return null;
end $$;

create function variants_changed() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        perform announce_catalog_change('p', array(select distinct product_id from new_rows));
    elsif TG_OP = 'UPDATE' then
        perform announce_catalog_change('p', array(
            select product_id from new_rows union select product_id from old_rows));
    else
        perform announce_catalog_change('p', array(select distinct product_id from old_rows));
    end if;
    return null;
end $$;

create function stock_levels_changed() returns trigger language plpgsql as $$
begin
    if TG_OP = 'DELETE' then
        perform announce_catalog_change('p', array(
            select distinct v.product_id from old_rows s join variants v on v.id = s.variant_id));
    else
        perform announce_catalog_change('p', array(
            select distinct v.product_id from new_rows s join variants v on v.id = s.variant_id));
    end if;
    return null;
end $$;

create function categories_changed() returns trigger language plpgsql as $$
begin
    if TG_OP = 'DELETE' then
        perform announce_catalog_change('c', array(select id from old_rows));
    else
        perform announce_catalog_change('c', array(select id from new_rows));
    end if;
    return null;
end $$;

create trigger products_inserted after insert on products
    referencing new table as new_rows for each statement execute function products_changed();
create trigger products_updated after update on products
    referencing old table as old_rows new table as new_rows for each statement execute function products_changed();
create trigger products_deleted after delete on products
    referencing old table as old_rows for each statement execute function products_changed();

create trigger variants_inserted after insert on variants
    referencing new table as new_rows for each statement execute function variants_changed();
create trigger variants_updated after update on variants
    referencing old table as old_rows new table as new_rows for each statement execute function variants_changed();
create trigger variants_deleted after delete on variants
    referencing old table as old_rows for each statement execute function variants_changed();

create trigger stock_levels_inserted after insert on stock_levels
    referencing new table as new_rows for each statement execute function stock_levels_changed();
create trigger stock_levels_updated after update on stock_levels
    referencing old table as old_rows new table as new_rows for each statement execute function stock_levels_changed();
create trigger stock_levels_deleted after delete on stock_levels
    referencing old table as old_rows for each statement execute function stock_levels_changed();

create trigger categories_inserted after insert on categories
    referencing new table as new_rows for each statement execute function categories_changed();
create trigger categories_updated after update on categories
    referencing new table as new_rows for each statement execute function categories_changed();
create trigger categories_deleted after delete on categories
    referencing old table as old_rows for each statement execute function categories_changed();

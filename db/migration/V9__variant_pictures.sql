-- A variant may have its own picture (one of its product's pictures), shown first when the shopper chooses it:
-- the navy shirt shows the navy picture. Empty means the product's main picture.
alter table variants add column image varchar(500);

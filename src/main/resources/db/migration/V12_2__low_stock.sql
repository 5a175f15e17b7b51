-- A seller hears when a product's stock falls to this many units (or to none); see docs/notifications.md.
alter table products add column low_stock_threshold integer not null default 5;
alter table products add constraint products_low_stock_threshold check (low_stock_threshold >= 0);

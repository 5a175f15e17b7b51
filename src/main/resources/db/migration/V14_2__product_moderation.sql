-- Why a product is off sale, one marker per cause, so lifting one cause never undoes another (docs/commerce.md):
-- withdrawn by its seller (DELETE, for good), hidden by a moderator (with the reason), or taken off while its
-- seller is suspended. "listed" stays the one flag every read filters on: on sale = none of the three.
alter table products add column withdrawn boolean not null default false;
alter table products add column hidden_at timestamp with time zone;
alter table products add column hidden_reason varchar(500);
alter table products add column seller_suspended boolean not null default false;
update products set withdrawn = true where listed = false;

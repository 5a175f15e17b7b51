-- Events handed to notifications carry what their email shows: OrderPaid holds every line of an order (up to
-- agora.orders.max-cart-items lines, titles of up to 200 characters, JSON-escaped), far beyond the registry's
-- first 10,000 characters. Too long, the insert would fail the transaction that marks a charged order paid.
alter table event_publication alter column serialized_event set data type varchar(1000000);

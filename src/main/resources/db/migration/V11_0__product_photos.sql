-- A product's picture is either an external URL (as before) or a photo uploaded to the media module, named by
-- its image id: the media module gives out that photo's URLs, so the row keeps the id and no URL.
alter table product_images add column image_id varchar(64);
alter table product_images alter column url drop not null;
alter table product_images add constraint product_images_url_or_image check ((url is null) <> (image_id is null));

-- A post's slug may be up to 107 characters (100 and a suffix): the subject id must hold it.
alter table notifications alter column subject_id set data type varchar(200);

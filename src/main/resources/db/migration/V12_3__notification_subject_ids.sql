-- A post's slug may be up to 107 characters (100 and a suffix): the subject id must hold it.
alter table notifications alter column subject_id set data type varchar(200);

-- A deleted post withdraws everyone's unread notifications about it.
create index notifications_by_subject_id on notifications (subject_kind, subject_id);

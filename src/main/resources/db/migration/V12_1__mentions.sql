-- @username mentions in posts and comments (social module), for existing users only, at most 10 per text.
-- source names the text: 'post:12' or 'comment:34'; a mention goes with its post or comment.
create table mentions (
    source     varchar(30) not null,
    user_id    bigint      not null,
    post_id    bigint      not null references posts (id) on delete cascade,
    comment_id bigint      references comments (id) on delete cascade,
    created_at timestamp with time zone not null,
    primary key (source, user_id)
);

create index mentions_by_post on mentions (post_id);
create index mentions_by_comment on mentions (comment_id);

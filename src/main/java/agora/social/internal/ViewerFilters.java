package agora.social.internal;

import java.util.HashSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.social.Relationships;
import agora.social.ViewerFilter;

/**
 * {@link Relationships} from the block and mute tables. It is on the path of every feed, list and search of a
 * signed-in reader, so a filter is one statement: four primary-key or index range probes joined by union all.
 */
@Service
class ViewerFilters implements Relationships {

    private final JdbcClient jdbc;
    private final BlockRepository blocks;

    ViewerFilters(JdbcClient jdbc, BlockRepository blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean blockedEitherWay(long userId, long otherUserId) {
        return userId != otherUserId && blocks.blockedEitherWay(userId, otherUserId);
    }

    @Override
    @Transactional(readOnly = true)
    public ViewerFilter filterFor(long viewerId) {
        var blocked = new HashSet<Long>();
        var muted = new HashSet<Long>();
        var tags = new HashSet<String>();
        jdbc.sql("""
                select 'b' as kind, blocked_id as user_id, null as tag from blocks where blocker_id = :v
                union all select 'b', blocker_id, null from blocks where blocked_id = :v
                union all select 'm', muted_id, null from user_mutes where muter_id = :v
                union all select 't', null, t.name from tag_mutes m join tags t on t.id = m.tag_id where m.muter_id = :v""")
                .param("v", viewerId)
                .query((rs, row) -> switch (rs.getString("kind")) {
                    case "b" -> blocked.add(rs.getLong("user_id"));
                    case "m" -> muted.add(rs.getLong("user_id"));
                    default -> tags.add(rs.getString("tag"));
                }).list();
        return blocked.isEmpty() && muted.isEmpty() && tags.isEmpty() ? ViewerFilter.NONE
                : new ViewerFilter(blocked, muted, tags);
    }
}

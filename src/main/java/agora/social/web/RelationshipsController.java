package agora.social.web;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.social.internal.Blocks;
import agora.social.internal.Mutes;
import agora.social.internal.Paging;

/** Blocks and mutes: the reader's own, never visible to the users concerned. */
@RestController
class RelationshipsController {

    private final Blocks blocks;
    private final Mutes mutes;

    RelationshipsController(Blocks blocks, Mutes mutes) {
        this.blocks = blocks;
        this.mutes = mutes;
    }

    @PostMapping("/api/profiles/{username}/block")
    SocialJson.ProfileResponse block(CurrentUser user, @PathVariable String username) {
        return ProfilesController.response(blocks.block(user.id(), username));
    }

    @DeleteMapping("/api/profiles/{username}/block")
    SocialJson.ProfileResponse unblock(CurrentUser user, @PathVariable String username) {
        return ProfilesController.response(blocks.unblock(user.id(), username));
    }

    @PostMapping("/api/profiles/{username}/mute")
    SocialJson.ProfileResponse mute(CurrentUser user, @PathVariable String username) {
        return ProfilesController.response(mutes.muteUser(user.id(), username));
    }

    @DeleteMapping("/api/profiles/{username}/mute")
    SocialJson.ProfileResponse unmute(CurrentUser user, @PathVariable String username) {
        return ProfilesController.response(mutes.unmuteUser(user.id(), username));
    }

    @PostMapping("/api/tags/{tag}/mute")
    SocialJson.MutedTagResponse muteTag(CurrentUser user, @PathVariable String tag) {
        return new SocialJson.MutedTagResponse(new SocialJson.MutedTag(mutes.muteTag(user.id(), tag), true));
    }

    @DeleteMapping("/api/tags/{tag}/mute")
    SocialJson.MutedTagResponse unmuteTag(CurrentUser user, @PathVariable String tag) {
        return new SocialJson.MutedTagResponse(new SocialJson.MutedTag(mutes.unmuteTag(user.id(), tag), false));
    }

    /** Newest block first. */
    @GetMapping("/api/user/blocks")
    SocialJson.ProfilesResponse blocks(CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        var page = blocks.blocked(user.id(), Paging.of(limit, offset));
        return new SocialJson.ProfilesResponse(page.profiles().stream().map(SocialJson.Profile::of).toList(),
                page.count());
    }

    /** Muted users newest first and muted tags alphabetically; {@code limit} and {@code offset} page each list. */
    @GetMapping("/api/user/mutes")
    SocialJson.MutesResponse mutes(CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        var muted = mutes.muted(user.id(), Paging.of(limit, offset));
        return new SocialJson.MutesResponse(muted.profiles().stream().map(SocialJson.Profile::of).toList(),
                muted.tags());
    }
}

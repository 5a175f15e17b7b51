package agora.social.web;

import java.util.Optional;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.social.internal.ProfileView;
import agora.social.internal.Profiles;

/** RealWorld profiles and follows. */
@RestController
class ProfilesController {

    private final Profiles profiles;

    ProfilesController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/profiles/{username}")
    SocialJson.ProfileResponse profile(Optional<CurrentUser> user, @PathVariable String username) {
        return response(profiles.view(user.map(CurrentUser::id), username));
    }

    /** RealWorld clients may send a body here; it carries nothing and is ignored. */
    @PostMapping("/api/profiles/{username}/follow")
    SocialJson.ProfileResponse follow(CurrentUser user, @PathVariable String username) {
        return response(profiles.follow(user.id(), username));
    }

    @DeleteMapping("/api/profiles/{username}/follow")
    SocialJson.ProfileResponse unfollow(CurrentUser user, @PathVariable String username) {
        return response(profiles.unfollow(user.id(), username));
    }

    static SocialJson.ProfileResponse response(ProfileView view) {
        return new SocialJson.ProfileResponse(SocialJson.ViewedProfile.of(view));
    }
}

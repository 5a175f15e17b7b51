package agora.social.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import agora.social.internal.PostListing;

/** RealWorld tags: the most used ones, most used first. */
@RestController
class TagsController {

    private final PostListing listing;

    TagsController(PostListing listing) {
        this.listing = listing;
    }

    @GetMapping("/api/tags")
    SocialJson.TagsResponse tags() {
        return new SocialJson.TagsResponse(listing.tags());
    }
}

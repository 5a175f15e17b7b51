package agora.catalog.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.AccountStanding;
import agora.accounts.SuspensionLifted;
import agora.accounts.UserSuspended;
import agora.catalog.ProductListed;
import agora.catalog.ProductUnlisted;

/**
 * A suspended seller's products go off sale, under a marker of their own, so lifting the suspension relists just
 * those: not what the seller withdrew, nor what a moderator hid. Each product that changes is announced (search drops
 * or re-adds it). Events may come twice or late: the markers make a repeat change nothing, and the standing in force
 * now decides, so a late {@link UserSuspended} does not unlist a seller whose suspension has since been lifted.
 */
@Component
class SuspendedSellers {

    private final ProductRepository products;
    private final AccountStanding standing;
    private final ApplicationEventPublisher events;

    SuspendedSellers(ProductRepository products, AccountStanding standing, ApplicationEventPublisher events) {
        this.products = products;
        this.standing = standing;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(UserSuspended event) {
        if (!standing.isSuspended(event.userId())) {
            return;
        }
        var onSale = products.listedOfSeller(event.userId());
        products.suspendSeller(event.userId());
        onSale.forEach(id -> events.publishEvent(new ProductUnlisted(id)));
    }

    @ApplicationModuleListener
    void on(SuspensionLifted event) {
        if (standing.isSuspended(event.userId())) {
            return;
        }
        var relisted = products.relistableOfSeller(event.userId());
        products.liftSellerSuspension(event.userId());
        relisted.forEach(id -> events.publishEvent(new ProductListed(id)));
    }
}

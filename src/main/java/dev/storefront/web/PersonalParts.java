package dev.storefront.web;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;

/**
 * The parts of a catalog page that belong to one visitor: the cart count in the header and the CSRF
 * token in its forms. While a page is rendered to be shared by every visitor ({@link #renderShared}),
 * {@link LayoutData} and {@link CsrfToken} write slots instead, and {@link SharedPage} fills them for each
 * request, so one visitor's count or token never lands in the copy another is served.
 */
@RequestScoped
public class PersonalParts {

    static final String CART_COUNT_SLOT = "\u0001cart-count\u0001";
    static final String CSRF_TOKEN_SLOT = "\u0001csrf-token\u0001";

    private boolean deferred;

    /** Renders with slots in place of this visitor's parts. */
    public SharedPage renderShared(Supplier<String> render) {
        deferred = true;
        try {
            return SharedPage.of(render.get());
        } finally {
            deferred = false;
        }
    }

    boolean deferred() {
        return deferred;
    }
}

package dev.storefront.account;

import dev.storefront.web.StoreException;

/** Wrong email or password, said the same way for both so that nobody learns which accounts exist. */
public class SignInFailedException extends StoreException {

    public SignInFailedException() {
        super(401, "The email or password is not right");
    }
}

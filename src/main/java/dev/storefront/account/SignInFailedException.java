package dev.storefront.account;

/** Wrong email or password, said the same way for both so that nobody learns which accounts exist. */
public class SignInFailedException extends RuntimeException {

    public SignInFailedException() {
        super("The email or password is not right");
    }
}

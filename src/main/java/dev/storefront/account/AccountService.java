package dev.storefront.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.storefront.config.StoreConfig;
import dev.storefront.mail.AccountEmails;
import dev.storefront.order.ShippingAddress;
import dev.storefront.web.FieldChecks;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.SecureTokens;

/** Accounts: registration, signing in (throttled, with one answer for every failure) and sessions. */
@ApplicationScoped
public class AccountService {

    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 120;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Compared against when the account does not exist, so that both failures take as long. */
    private static final int RESETS_PER_WINDOW = 5;
    private static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not a password of anyone's");

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    Tokens tokens;

    @Inject
    AccountEmails emails;

    @Inject
    StoreConfig config;

    /** What an API client gets at sign-in and refresh. */
    public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    @Transactional
    public User register(String email, String password, String name) {
        List<FieldError> errors = new ArrayList<>();
        String cleanEmail = email == null ? "" : email.strip();
        String cleanName = name == null ? "" : name.strip();
        // registrations of one email take turns until this transaction ends, so that of ten at once one
        // makes the account and nine are told it exists (not a unique-key failure)
        User.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 1))")
                .setParameter(1, "register:" + cleanEmail.toLowerCase(java.util.Locale.ROOT)).getSingleResult();
        emailProblem(cleanEmail).ifPresent(problem -> errors.add(new FieldError("email", problem)));
        if (cleanName.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        passwordPolicy.problem(password, cleanEmail).ifPresent(problem -> errors.add(new FieldError("password", problem)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user = new User();
        user.email = cleanEmail;
        user.name = cleanName;
        user.roles = User.Access.CUSTOMER.roles;
        user.setPassword(password);
        user.persist();
        return user;
    }

    /** Why this email cannot be used for an account, if it cannot. */
    private static Optional<String> emailProblem(String email) {
        if (email.isEmpty()) {
            return Optional.of("is required");
        }
        if (email.length() > MAX_EMAIL) {
            return Optional.of("must be at most " + MAX_EMAIL + " characters");
        }
        if (!EMAIL.matcher(email).matches()) {
            return Optional.of("is not an email address");
        }
        if (User.findByEmail(email).isPresent()) {
            return Optional.of("already has an account; sign in or reset the password");
        }
        return Optional.empty();
    }

    /** The user with this email and password; {@link SignInFailedException} for any mismatch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User authenticate(String email, String password, String clientAddress) {
        throttle.attempt(email, clientAddress);
        Optional<User> user = email == null || email.length() > MAX_EMAIL ? Optional.empty()
                : User.findByEmail(email.strip());
        String hash = user.map(u -> u.passwordHash).orElse(DUMMY_HASH);
        boolean matches = password != null && password.length() <= 1024 && BcryptUtil.matches(password, hash);
        if (!matches || user.isEmpty() || !user.get().enabled) {
            throw new SignInFailedException(); // the attempt stays counted
        }
        throttle.succeeded(email, clientAddress);
        return user.get();
    }

    /** Signs an API client in: a new session with its first access and refresh tokens. */
    public IssuedTokens signIn(User user) {
        Sessions.Session session = sessions.open(user.id);
        return issue(user, session, sessions.issueRefreshToken(session));
    }

    /** A new pair for a refresh token used once; a reused or unknown one is refused. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IssuedTokens refresh(String refreshToken) {
        Sessions.Refreshed refreshed = sessions.rotate(refreshToken).orElseThrow(SignInFailedException::new);
        User user = User.<User>findByIdOptional(refreshed.session().userId()).filter(u -> u.enabled)
                .orElseThrow(SignInFailedException::new);
        return issue(user, refreshed.session(), refreshed.refreshToken());
    }

    public void signOut(String sessionId) {
        sessions.revoke(sessionId);
    }

    private IssuedTokens issue(User user, Sessions.Session session, String refreshToken) {
        return new IssuedTokens(tokens.accessToken(user, session), refreshToken, Tokens.ACCESS_LIFETIME.toSeconds(),
                "Bearer");
    }

    /** The browser's session cookie: a new session and its first token. */
    public String openBrowserSession(User user) {
        return tokens.browserToken(user, sessions.open(user.id));
    }

    @Transactional
    public void changeName(User user, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "must be at most " + MAX_NAME
                    + " characters");
        }
        User.<User>findById(user.id).name = clean;
    }

    /**
     * Changes the password after checking the current one, and ends every session of the account:
     * whoever else knew the old password is signed out everywhere.
     */
    @Transactional
    public void changePassword(User user, String currentPassword, String newPassword) {
        User managed = User.findById(user.id);
        if (currentPassword == null || !BcryptUtil.matches(currentPassword, managed.passwordHash)) {
            throw InvalidInputException.of("currentPassword", "is not right");
        }
        setPassword(managed, newPassword, "newPassword");
    }

    /** Sends a confirmation link to the new address; the change happens when it is followed. */
    @Transactional
    public void requestEmailChange(User user, String newEmail, String password) {
        User managed = User.findById(user.id);
        List<FieldError> errors = new ArrayList<>();
        String clean = newEmail == null ? "" : newEmail.strip();
        emailProblem(clean).ifPresent(problem -> errors.add(new FieldError("newEmail", problem)));
        if (password == null || !BcryptUtil.matches(password, managed.passwordHash)) {
            errors.add(new FieldError("password", "is not right"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String token = newLinkToken(managed, AccountToken.Purpose.EMAIL_CHANGE, clean);
        emails.emailChange(clean, managed.name, config.publicUrl() + "/account/email/confirm?token=" + token);
    }

    /** Follows an email-change link; false when the link is unknown, used or expired, or the address taken. */
    @Transactional
    public boolean confirmEmailChange(String token) {
        Optional<AccountToken> link = usableLink(token, AccountToken.Purpose.EMAIL_CHANGE);
        if (link.isEmpty() || User.findByEmail(link.get().newEmail).isPresent()) {
            return false;
        }
        link.get().usedAt = Instant.now();
        link.get().user.email = link.get().newEmail;
        link.get().user.updatedAt = Instant.now();
        // whoever held the old address (or a session) no longer has a way in
        voidResetLinks(link.get().user);
        sessions.revokeAll(link.get().user.id);
        return true;
    }

    /**
     * Emails a reset link when the account exists, and does nothing otherwise; the caller answers the
     * same either way. At most 5 links per account per 15 minutes, so nobody can flood an inbox.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        if (email == null || email.length() > MAX_EMAIL) {
            return;
        }
        Optional<User> user = User.findByEmail(email.strip()).filter(u -> u.enabled);
        if (user.isEmpty() || AccountToken.count("user = ?1 and purpose = ?2 and createdAt > ?3", user.get(),
                AccountToken.Purpose.PASSWORD_RESET, Instant.now().minus(LoginThrottle.WINDOW)) >= RESETS_PER_WINDOW) {
            return;
        }
        String token = newLinkToken(user.get(), AccountToken.Purpose.PASSWORD_RESET, null);
        emails.passwordReset(user.get().email, user.get().name, config.publicUrl() + "/password-reset/" + token);
    }

    /** True when the reset link can still be used. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean resetLinkUsable(String token) {
        return usableLink(token, AccountToken.Purpose.PASSWORD_RESET).isPresent();
    }

    /** Sets a new password through a reset link, once; every session and every other reset link of the account ends. */
    @Transactional
    public boolean resetPassword(String token, String newPassword) {
        Optional<AccountToken> link = usableLink(token, AccountToken.Purpose.PASSWORD_RESET);
        if (link.isEmpty()) {
            return false;
        }
        setPassword(link.get().user, newPassword, "password");
        link.get().usedAt = Instant.now();
        return true;
    }

    /** Ends every session of the account, this one included. */
    public void signOutEverywhere(User user) {
        sessions.revokeAll(user.id);
    }

    @Transactional
    public Address addAddress(User user, AddressForm form) {
        List<FieldError> errors = form.problems(config.checkout().countries());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User managed = User.findById(user.id);
        Address address = new Address();
        address.user = managed;
        form.copyTo(address);
        boolean first = Address.count("user", managed) == 0;
        if (first || form.makeDefault()) {
            Address.update("isDefault = false where user = ?1 and isDefault = true", managed);
            address.isDefault = true;
        }
        address.persist();
        return address;
    }

    /** Changes a saved address; empty when it is not this user's (or does not exist): the caller answers 404. */
    @Transactional
    public Optional<Address> updateAddress(User user, long addressId, AddressForm form) {
        User managed = User.findById(user.id);
        Optional<Address> address = Address.findOwned(addressId, managed);
        if (address.isEmpty()) {
            return address;
        }
        List<FieldError> errors = form.problems(config.checkout().countries());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        form.copyTo(address.get());
        if (form.makeDefault() && !address.get().isDefault) {
            Address.update("isDefault = false where user = ?1 and isDefault = true", managed);
            address.get().isDefault = true;
        }
        return address;
    }

    /** False when the address is not this user's (or does not exist): the caller answers 404. */
    @Transactional
    public boolean makeDefaultAddress(User user, long addressId) {
        User managed = User.findById(user.id);
        Optional<Address> address = Address.findOwned(addressId, managed);
        address.filter(a -> !a.isDefault).ifPresent(a -> {
            Address.update("isDefault = false where user = ?1 and isDefault = true", managed);
            a.isDefault = true;
        });
        return address.isPresent();
    }

    @Transactional
    public boolean deleteAddress(User user, long addressId) {
        User managed = User.findById(user.id);
        Optional<Address> address = Address.findOwned(addressId, managed);
        address.ifPresent(deleted -> {
            deleted.delete();
            if (deleted.isDefault) { // the oldest address left becomes the default, so checkout still offers one
                Address.<Address>find("user = ?1 order by createdAt, id", managed).firstResultOptional()
                        .ifPresent(next -> next.isDefault = true);
            }
        });
        return address.isPresent();
    }

    private void setPassword(User user, String password, String field) {
        passwordPolicy.problem(password, user.email).ifPresent(problem -> {
            throw InvalidInputException.of(field, problem);
        });
        user.setPassword(password);
        user.updatedAt = Instant.now();
        voidResetLinks(user);
        sessions.revokeAll(user.id);
    }

    /** Reset links sent before a password or email change can no longer be used (whichever was used). */
    private static void voidResetLinks(User user) {
        AccountToken.update("usedAt = ?1 where user = ?2 and purpose = ?3 and usedAt is null", Instant.now(), user,
                AccountToken.Purpose.PASSWORD_RESET);
    }

    private static String newLinkToken(User user, AccountToken.Purpose purpose, String newEmail) {
        String token = SecureTokens.newToken();
        AccountToken link = new AccountToken();
        link.user = user;
        link.purpose = purpose;
        link.newEmail = newEmail;
        link.tokenHash = SecureTokens.sha256Hex(token);
        link.expiresAt = Instant.now().plus(LINK_LIFETIME);
        link.persist();
        return token;
    }

    private static Optional<AccountToken> usableLink(String token, AccountToken.Purpose purpose) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return AccountToken.<AccountToken>find("tokenHash = ?1 and purpose = ?2", SecureTokens.sha256Hex(token),
                purpose)
                .firstResultOptional().filter(AccountToken::usable);
    }

    /** An address as a form or the API sends it. */
    public record AddressForm(String name, String line1, String line2, String city, String region, String postalCode,
            String country, boolean makeDefault) {

        /** The same checks as an address at checkout (postal codes, a state for US/CA, where the store ships). */
        List<FieldError> problems(List<String> shippable) {
            return new ShippingAddress(name, line1, line2, city, region, postalCode, country).problems(shippable)
                    .stream().map(e -> new FieldError(e.field().replace("shippingAddress.", ""), e.message()))
                    .toList();
        }

        void copyTo(Address address) {
            address.name = name.strip();
            address.line1 = line1.strip();
            address.line2 = line2 == null ? "" : line2.strip();
            address.city = city.strip();
            address.region = region == null ? "" : region.strip();
            address.postalCode = postalCode.strip();
            address.country = country.strip().toUpperCase(Locale.ROOT);
        }
    }
}

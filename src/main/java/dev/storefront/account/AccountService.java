package dev.storefront.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/** Accounts: registration, signing in (throttled, with one answer for every failure) and sessions. */
@ApplicationScoped
public class AccountService {

    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 120;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Compared against when the account does not exist, so that both failures take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not a password of anyone's");

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    Tokens tokens;

    /** What an API client gets at sign-in and refresh. */
    public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    @Transactional
    public User register(String email, String password, String name) {
        List<FieldError> errors = new ArrayList<>();
        String cleanEmail = email == null ? "" : email.strip();
        String cleanName = name == null ? "" : name.strip();
        if (cleanEmail.isEmpty()) {
            errors.add(new FieldError("email", "is required"));
        } else if (cleanEmail.length() > MAX_EMAIL) {
            errors.add(new FieldError("email", "must be at most " + MAX_EMAIL + " characters"));
        } else if (!EMAIL.matcher(cleanEmail).matches()) {
            errors.add(new FieldError("email", "is not an email address"));
        } else if (User.findByEmail(cleanEmail).isPresent()) {
            errors.add(new FieldError("email", "already has an account; sign in or reset the password"));
        }
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
        user.roles = User.ROLE_CUSTOMER;
        user.setPassword(password);
        user.persist();
        return user;
    }

    /** The user with this email and password; {@link SignInFailedException} for any mismatch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User authenticate(String email, String password, String clientAddress) {
        throttle.check(email, clientAddress);
        Optional<User> user = email == null || email.length() > MAX_EMAIL ? Optional.empty()
                : User.findByEmail(email.strip());
        String hash = user.map(u -> u.passwordHash).orElse(DUMMY_HASH);
        boolean matches = password != null && password.length() <= 1024 && BcryptUtil.matches(password, hash);
        if (!matches || user.isEmpty() || !user.get().enabled) {
            throttle.failed(email, clientAddress);
            throw new SignInFailedException();
        }
        throttle.succeeded(email);
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
}

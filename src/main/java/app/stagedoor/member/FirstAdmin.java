package app.stagedoor.member;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first organiser from {@code stagedoor.member.admin.*} when no account of that name exists.
 * Without a configured password a random one is generated and logged this once.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Members members;
    private final MemberProperties.Admin admin;

    FirstAdmin(Members members, MemberProperties properties) {
        this.members = members;
        this.admin = properties.admin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (members.findByUsername(admin.username()).isPresent()) {
            return;
        }
        boolean generated = admin.password() == null || admin.password().isBlank();
        String password = generated ? randomPassword() : admin.password();
        try {
            members.register(admin.username(), password, Role.ADMIN);
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.USERNAME_TAKEN) {
                return; // another instance was first
            }
            throw new IllegalStateException(
                    "stagedoor.member.admin.username/password are not a valid account: use 3 to 30"
                            + " letters, digits, dots, underscores or dashes, and a password of 8 to 72 bytes");
        }
        if (generated) {
            log.warn(
                    "Created the first admin '{}' with the generated password '{}'. It is shown only this once:"
                            + " sign in and keep it safe, or set stagedoor.member.admin.password before the first start.",
                    admin.username(),
                    password);
        } else {
            log.info("Created the first admin '{}' from configuration.", admin.username());
        }
    }

    private static String randomPassword() {
        var bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

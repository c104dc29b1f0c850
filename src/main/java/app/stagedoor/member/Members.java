package app.stagedoor.member;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: register accounts, look them up, promote organisers. */
@Service
public class Members {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 72;

    private final MemberRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(
            MemberRepository repository,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a fan account.
     *
     * @throws DomainException {@code VALIDATION} for a malformed username or password,
     *     {@code USERNAME_TAKEN} when the name is in use
     */
    @Transactional
    public MemberPrincipal register(String username, String password) {
        return register(username, password, Role.FAN);
    }

    @Transactional
    MemberPrincipal register(String username, String password, Role role) {
        if (!Username.isValid(username)) {
            throw new DomainException(ErrorCode.VALIDATION, Map.of("fields", List.of("username")), "username");
        }
        if (PasswordPolicy.problem(username, password).isPresent()) {
            // bcrypt reads at most 72 bytes: 25 Korean characters are already 75
            throw new DomainException(ErrorCode.VALIDATION, Map.of("fields", List.of("password")), "password");
        }
        var name = new Username(username);
        if (repository.existsByUsername(name.value())) {
            throw new DomainException(ErrorCode.USERNAME_TAKEN);
        }
        Member member;
        try {
            member = repository.save(Member.register(name, passwordEncoder.encode(password), role, clock.instant()));
        } catch (DuplicateKeyException raceLost) {
            throw new DomainException(ErrorCode.USERNAME_TAKEN);
        }
        events.publishEvent(new MemberRegistered(member.id(), member.username()));
        return member.toPrincipal();
    }

    public Optional<MemberPrincipal> findByUsername(String username) {
        if (!Username.isValid(username)) {
            return Optional.empty();
        }
        return repository.findByUsername(new Username(username).value()).map(m -> m.toPrincipal());
    }

    /**
     * Makes an existing member an organiser.
     *
     * @throws DomainException {@code NOT_FOUND} when there is no such member
     */
    @Transactional
    public void promoteToAdmin(String username) {
        var member = Username.isValid(username)
                ? repository.findByUsername(new Username(username).value()).orElseThrow(DomainException::notFound)
                : null;
        if (member == null) {
            throw DomainException.notFound();
        }
        member.promoteToAdmin();
        repository.save(member);
    }

    /** Usernames by member id, for the organiser's order lists; unknown ids are left out. */
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Map.of();
        }
        return repository.findAllByIds(memberIds).stream()
                .collect(java.util.stream.Collectors.toMap(Member::id, Member::username));
    }
}

package app.stagedoor.member;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/** An account. Usernames are stored in lower case, so Alice and alice are one account. */
@Table("members")
class Member {

    @Id
    private final Long id;

    private final String username;
    private final String passwordHash;
    private Role role;
    private final Instant createdAt;

    @PersistenceCreator
    Member(Long id, String username, String passwordHash, Role role, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    static Member register(Username username, String passwordHash, Role role, Instant now) {
        return new Member(null, username.value(), passwordHash, role, now);
    }

    void promoteToAdmin() {
        this.role = Role.ADMIN;
    }

    MemberPrincipal toPrincipal() {
        return new MemberPrincipal(id, username, role, passwordHash);
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    Role role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }
}

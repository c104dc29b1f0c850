package app.stagedoor.member;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member, the same for a browser session and an API bearer token. Controllers take
 * it with {@code @AuthenticationPrincipal MemberPrincipal me}.
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final Role role;
    private String passwordHash;

    public MemberPrincipal(long id, String username, Role role) {
        this(id, username, role, null);
    }

    MemberPrincipal(long id, String username, Role role, String passwordHash) {
        this.id = id;
        this.username = username;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role == Role.ADMIN
                ? List.of(
                        new SimpleGrantedAuthority(Role.FAN.authority()), new SimpleGrantedAuthority(role.authority()))
                : List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public boolean isAccountNonLocked() {
        return true; // wrong passwords slow down the address they come from, never lock the account
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberPrincipal that && id == that.id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "MemberPrincipal[" + id + ", " + username + ", " + role + "]";
    }
}

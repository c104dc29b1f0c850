package app.stagedoor.member;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads members for form login and for the API's token endpoint. An unknown or malformed username
 * is answered like a wrong password (Spring Security hashes a dummy password for it, so it takes
 * as long too); wrong passwords slow down their address ({@code LoginThrottle}), never lock the
 * account.
 */
@Component
class MemberUserDetailsService implements UserDetailsService {

    private final MemberRepository repository;

    MemberUserDetailsService(MemberRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!Username.isValid(username)) {
            throw new UsernameNotFoundException("no such member");
        }
        return repository
                .findByUsername(new Username(username).value())
                .map(Member::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException("no such member"));
    }
}

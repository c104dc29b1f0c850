package app.stagedoor.member;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads members for form login and for the API's token endpoint. */
@Component
class MemberUserDetailsService implements UserDetailsService {

    private final MemberRepository repository;
    private final Clock clock;

    MemberUserDetailsService(MemberRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!Username.isValid(username)) {
            throw new UsernameNotFoundException("no such member");
        }
        return repository
                .findByUsername(new Username(username).value())
                .map(member -> member.toPrincipal(clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such member"));
    }
}

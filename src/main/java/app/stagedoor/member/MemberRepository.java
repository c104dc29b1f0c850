package app.stagedoor.member;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface MemberRepository extends Repository<Member, Long> {

    Member save(Member member);

    Optional<Member> findById(long id);

    Optional<Member> findByUsername(String username);

    boolean existsByUsername(String username);
}

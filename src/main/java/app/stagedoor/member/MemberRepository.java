package app.stagedoor.member;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface MemberRepository extends Repository<Member, Long> {

    Member save(Member member);

    Optional<Member> findById(long id);

    Optional<Member> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("SELECT * FROM members WHERE id IN (:ids)")
    java.util.List<Member> findAllByIds(java.util.Collection<Long> ids);
}

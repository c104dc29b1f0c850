package app.stagedoor.member;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface MemberRepository extends Repository<Member, Long> {

    Member save(Member member);

    Optional<Member> findById(long id);

    Optional<Member> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("SELECT * FROM members WHERE id IN (:ids)")
    java.util.List<Member> findAllByIds(java.util.Collection<Long> ids);

    /**
     * One failed login. The lock is set from the count before this failure (both databases read
     * the old value on the right-hand side when the lock column comes first).
     */
    @Modifying
    @Query("""
            UPDATE members
               SET locked_until = CASE WHEN failed_logins + 1 >= :maxFailures THEN :lockUntil ELSE locked_until END,
                   failed_logins = failed_logins + 1
             WHERE username = :username
            """)
    int recordFailedLogin(String username, int maxFailures, Instant lockUntil);

    @Modifying
    @Query("UPDATE members SET failed_logins = 0, locked_until = NULL WHERE username = :username AND failed_logins > 0")
    int resetFailedLogins(String username);
}

package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.IntegrationTest;
import app.stagedoor.Race;
import app.stagedoor.TestConcerts;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rush at the door: many fans join at once, each from three tabs, against the real database. */
@IntegrationTest
@Tag("database")
class QueueJoinConcurrencyTest {

    static final int FANS = 500;
    static final int TABS = 3;

    @Autowired
    WaitingRoom room;

    @Autowired
    QueuePromoter promoter;

    @Autowired
    JdbcClient jdbc;

    @Test
    void five_hundred_fans_joining_from_three_tabs_each_get_one_ticket_and_distinct_gap_free_places() throws Exception {
        long concert = TestConcerts.onSaleNow(jdbc);
        room.updateSettings(concert, new QueueSettings(1, 3_600, null, 600, 300, 10, true), "test");
        var fans = new ArrayList<Long>();
        for (int i = 0; i < FANS; i++) {
            fans.add(TestConcerts.fan(jdbc));
        }
        var tokensPerFan = new ConcurrentHashMap<Long, java.util.Set<Long>>();
        var joins = new ArrayList<Callable<Void>>();
        for (long fan : fans) {
            for (int tab = 0; tab < TABS; tab++) {
                joins.add(() -> {
                    var ticket = room.join(fan, concert);
                    assertThat(ticket.status()).isEqualTo(QueueStatus.WAIT);
                    tokensPerFan
                            .computeIfAbsent(fan, f -> ConcurrentHashMap.newKeySet())
                            .add(ticketOf(fan, concert));
                    return null;
                });
            }
        }
        Race.run(joins);

        assertThat(tokensPerFan).hasSize(FANS);
        assertThat(tokensPerFan.values())
                .allSatisfy(
                        tickets -> assertThat(tickets).as("one ticket per fan").hasSize(1));

        // the line gives places at its next tick, in join order
        promoter.place(concert);
        var places = jdbc.sql("SELECT seq FROM queue_tokens WHERE concert_id = ? ORDER BY id")
                .param(concert)
                .query(Long.class)
                .list();
        assertThat(places)
                .as("places 1 to 500, in the order the tickets were made")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, FANS).boxed().toList());
        assertThat(jdbc.sql("SELECT last_seq FROM queue_lines WHERE concert_id = ?")
                        .param(concert)
                        .query(Long.class)
                        .single())
                .isEqualTo(FANS);
    }

    private long ticketOf(long fan, long concert) {
        return jdbc.sql("SELECT id FROM queue_tokens WHERE concert_id = ? AND member_id = ?")
                .params(concert, fan)
                .query(Long.class)
                .single();
    }
}

package app.stagedoor.concert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty catalogue, one published concert on sale now, with two dates and
 * three price tiers, so the application shows something at once. On by default on the embedded
 * database; off in the {@code mysql} profile unless {@code stagedoor.concert.demo.enabled=true}.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final ConcertRepository concerts;
    private final ConcertOrganiser organiser;
    private final Clock clock;
    private final boolean enabled;

    DemoData(ConcertRepository concerts, ConcertOrganiser organiser, Clock clock, ConcertProperties properties) {
        this.enabled = properties.demo().enabled();
        this.concerts = concerts;
        this.organiser = organiser;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || concerts.existsBy()) {
            return;
        }
        var today = LocalDate.ofInstant(clock.instant(), SEOUL);
        var plan = new ConcertPlan(
                "Aurora Live 2026",
                "HAEUN",
                "Olympic Hall, Seoul",
                "Two nights of new songs and old favourites, with a string section and a choir.",
                SEOUL.getId(),
                clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS),
                4,
                List.of(
                        new SectionSpec("VIP", 4, 20, 165_000L),
                        new SectionSpec("R", 6, 24, 132_000L),
                        new SectionSpec("S", 8, 24, 99_000L)),
                List.of(
                        new ConcertPlan.PerformanceSpec(today.plusDays(14)
                                .atTime(LocalTime.of(19, 30))
                                .atZone(SEOUL)
                                .toInstant()),
                        new ConcertPlan.PerformanceSpec(today.plusDays(15)
                                .atTime(LocalTime.of(18, 0))
                                .atZone(SEOUL)
                                .toInstant())),
                true);
        var created = organiser.create(plan);
        log.info("Created the demo concert {} with dates {}.", created.id(), created.performanceIds());
    }
}

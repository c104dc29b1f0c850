package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The organiser's input rules, shared by the admin pages and the admin API. */
class ConcertPlanValidationTest {

    static final Instant SALES = Instant.parse("2026-12-01T01:00:00Z");
    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static ConcertPlan plan(List<SectionSpec> sections, List<ConcertPlan.PerformanceSpec> dates) {
        return new ConcertPlan("Title", "Artist", "Venue", "", "Asia/Seoul", SALES, 4, sections, dates, true);
    }

    static List<SectionSpec> twoSections() {
        return List.of(new SectionSpec("VIP", 2, 10, 150_000L), new SectionSpec("R", 5, 20, 99_000L));
    }

    static List<ConcertPlan.PerformanceSpec> oneDateAfterSales() {
        return List.of(new ConcertPlan.PerformanceSpec(SALES.plusSeconds(86_400)));
    }

    static Set<String> invalidFields(ConcertPlan plan) {
        var fields = new java.util.TreeSet<String>();
        for (ConstraintViolation<ConcertPlan> violation : validator.validate(plan)) {
            fields.add(violation.getPropertyPath().toString());
        }
        return fields;
    }

    @Test
    void a_sane_plan_is_valid_even_with_sales_open_in_the_past() {
        assertThat(invalidFields(plan(twoSections(), oneDateAfterSales()))).isEmpty();
        var past = new ConcertPlan(
                "T",
                "A",
                "V",
                null,
                null,
                Instant.parse("2020-01-01T00:00:00Z"),
                1,
                twoSections(),
                oneDateAfterSales(),
                null);
        assertThat(invalidFields(past)).isEmpty();
        assertThat(past.timeZone()).isEqualTo("Asia/Seoul");
    }

    @Test
    void empty_texts_are_refused_by_name() {
        var blank = new ConcertPlan(" ", "", null, null, null, SALES, 4, twoSections(), oneDateAfterSales(), true);
        assertThat(invalidFields(blank)).contains("title", "artist", "venue");
    }

    @Test
    void empty_section_names_zero_or_huge_rows_and_negative_prices_are_refused() {
        var sections = List.of(
                new SectionSpec("", 1, 1, 10_000L),
                new SectionSpec("B", 0, 10, 10_000L),
                new SectionSpec("C", 10_000, 10, 10_000L),
                new SectionSpec("D", 1, 61, 10_000L),
                new SectionSpec("E", 1, 1, -5L),
                new SectionSpec("F", null, null, null));
        assertThat(invalidFields(plan(sections, oneDateAfterSales())))
                .contains(
                        "sections[0].name",
                        "sections[1].rows",
                        "sections[2].rows",
                        "sections[3].seatsPerRow",
                        "sections[4].price",
                        "sections[5].rows",
                        "sections[5].price");
    }

    @Test
    void duplicate_section_names_are_refused_whatever_their_case() {
        var sections = List.of(new SectionSpec("VIP", 1, 1, 10_000L), new SectionSpec(" vip ", 1, 1, 10_000L));
        assertThat(invalidFields(plan(sections, oneDateAfterSales()))).containsExactly("sections");
    }

    @Test
    void no_sections_or_too_many_seats_are_refused() {
        assertThat(invalidFields(plan(List.of(), oneDateAfterSales()))).contains("sections");
        var huge = new ArrayList<SectionSpec>();
        for (int i = 0; i < 3; i++) {
            huge.add(new SectionSpec("S" + i, 50, 60, 10_000L));
        }
        assertThat(invalidFields(plan(huge, oneDateAfterSales()))).containsExactly("sections");
    }

    @Test
    void a_date_at_or_before_the_sales_opening_is_refused() {
        var dates = List.of(
                new ConcertPlan.PerformanceSpec(SALES.plusSeconds(3600)),
                new ConcertPlan.PerformanceSpec(SALES),
                new ConcertPlan.PerformanceSpec(SALES.minusSeconds(1)));
        assertThat(invalidFields(plan(twoSections(), dates)))
                .containsExactly("performances[1].startsAt", "performances[2].startsAt");
    }

    @Test
    void a_published_concert_needs_a_date_and_a_known_time_zone() {
        assertThat(invalidFields(plan(twoSections(), List.of()))).containsExactly("performances");
        var draft = new ConcertPlan("T", "A", "V", "", "Mars/Olympus", SALES, 4, twoSections(), List.of(), false);
        assertThat(invalidFields(draft)).containsExactly("timeZone");
    }

    @Test
    void seats_per_fan_must_be_between_1_and_20() {
        for (int bad : new int[] {0, -1, 21}) {
            var plan = new ConcertPlan("T", "A", "V", "", null, SALES, bad, twoSections(), oneDateAfterSales(), true);
            assertThat(invalidFields(plan)).containsExactly("maxSeatsPerMember");
        }
    }
}

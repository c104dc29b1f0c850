package app.stagedoor.concert;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.DomainException;
import app.stagedoor.web.PollPasses;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * The fan's way in: concerts on sale, a concert's page, its dates, and the seat map of a date,
 * which asks every few seconds what changed and redraws only the seats that moved, keeping the
 * fan's ticks. The dates and
 * the seat map are for fans the waiting room has admitted; everyone else is sent there.
 */
@Controller
class CatalogueController {

    private final Catalogue catalogue;
    private final AdmissionGate gate;
    private final FanHolds fanHolds;
    private final SeatMapSnapshots snapshots;
    private final ConcertProperties.SeatMap properties;
    private final RenderedCopies rendered;
    private final PollPasses passes;
    private final Clock clock;

    /** The open seat map's refresh (its answers of what moved are kept by {@link RenderedCopies}). */
    static final String SEAT_MAP_REFRESH = "/performances/{performanceId}/seats/map";

    /** The session attribute that remembers, per concert, until when the page load found the fan admitted. */
    static final String ADMITTED = "stagedoor.admittedUntil.";

    CatalogueController(
            Catalogue catalogue,
            AdmissionGate gate,
            FanHolds fanHolds,
            SeatMapSnapshots snapshots,
            ConcertProperties properties,
            RenderedCopies rendered,
            PollPasses passes,
            Clock clock) {
        this.catalogue = catalogue;
        this.passes = passes;
        this.rendered = rendered;
        this.gate = gate;
        this.fanHolds = fanHolds;
        this.snapshots = snapshots;
        this.properties = properties.seatMap();
        this.clock = clock;
    }

    /** Concerts on the home page, a page at a time. */
    static final int HOME_PAGE_SIZE = 24;

    /**
     * The catalogue, a page at a time ({@code ?page=2}); a page past the last says so and links to
     * the first, a page below 1 is an address that does not exist. Anonymous answers are shared
     * copies (see {@link SharedCopies}).
     */
    @GetMapping("/")
    Object home(@RequestParam(defaultValue = "1") int page, ServletWebRequest request, Locale locale, Model model) {
        if (page < 1) {
            throw DomainException.notFound();
        }
        var concerts = catalogue.publishedPage(page, HOME_PAGE_SIZE);
        if (SharedCopies.allowed(request.getRequest())) {
            var now = clock.instant();
            // the badges change at each opening: the concerts on sale lead the page (it is in opening order)
            long onSale =
                    concerts.concerts().stream().filter(c -> c.isOnSaleAt(now)).count();
            var version = concerts.version() + "-" + onSale + "-" + locale.toLanguageTag();
            var copy = sharedCopy(request, version, model);
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        model.addAttribute("concerts", concerts);
        return "concert/home";
    }

    /**
     * An anonymous page's answer when it need not be drawn: a 304, or the body this instance drew
     * for the version. Otherwise the model is marked so the page is drawn
     * as a shared copy, and kept.
     */
    private Optional<ResponseEntity<byte[]>> sharedCopy(ServletWebRequest request, String version, Model model) {
        if (SharedCopies.notModified(request, version, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)) {
            return Optional.of(ResponseEntity.status(HttpStatus.NOT_MODIFIED).build());
        }
        var drawn = rendered.find(request.getRequest(), version);
        if (drawn.isEmpty()) {
            model.addAttribute(SharedCopies.MODEL_ATTRIBUTE, true);
        }
        return drawn;
    }

    @GetMapping("/concerts/{concertId}")
    Object concert(@PathVariable long concertId, ServletWebRequest request, Locale locale, Model model) {
        var shown = catalogue.publicConcert(concertId);
        var now = clock.instant();
        var door = gate.door(shown.concert(), now);
        var dates = shown.upcomingAt(now);
        if (SharedCopies.allowed(request.getRequest())) {
            // the countdown's server time is not part of the version: a shared copy's door redraws
            // itself as soon as it is shown (fragments/door), with the time of that moment
            var version = shown.version() + "-" + door.phase() + "-"
                    + door.joinOpensAt().toEpochMilli() + "-" + dates.size() + "-" + locale.toLanguageTag();
            var copy = sharedCopy(request, version, model);
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        model.addAttribute("concert", shown.concert());
        model.addAttribute("door", door);
        model.addAttribute("dates", dates);
        return "concert/concert";
    }

    /** The way in, redrawn by the concert page at each of its moments (pre-queue opens, sales open). */
    @HxRequest
    @GetMapping("/concerts/{concertId}/door")
    View door(@PathVariable long concertId, Model model) {
        var concert = catalogue.publicConcert(concertId).concert();
        model.addAttribute("concert", concert);
        model.addAttribute("door", gate.door(concert, clock.instant()));
        return FragmentsRendering.fragment("fragments/door :: door").build();
    }

    @GetMapping("/concerts/{concertId}/performances")
    String dates(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long concertId, Model model) {
        var concert = catalogue.publishedConcert(concertId);
        var admittedUntil = gate.admittedUntil(me.id(), concertId);
        if (admittedUntil.isEmpty()) {
            return toWaitingRoom(concertId);
        }
        model.addAttribute("concert", concert);
        model.addAttribute("admittedUntil", admittedUntil.get());
        model.addAttribute("dates", catalogue.upcomingDatesOf(concertId));
        return "concert/performances";
    }

    @GetMapping("/performances/{performanceId}/seats")
    String seats(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            HttpServletRequest request,
            HttpSession session,
            Model model) {
        var snapshot = snapshots.fresh(performanceId, catalogue::seatMap);
        var map = published(snapshot.map());
        var admittedUntil = gate.admittedUntil(me.id(), map.concert().id());
        if (admittedUntil.isEmpty()) {
            return toWaitingRoom(map.concert().id());
        }
        session.setAttribute(ADMITTED + map.concert().id(), admittedUntil.get());
        var mine = fanHolds.of(me.id(), performanceId);
        model.addAttribute("admittedUntil", admittedUntil.get());
        refreshing(model, request, performanceId, admittedUntil.get());
        drawing(model, snapshot, mine, List.of());
        return "concert/seats";
    }

    /**
     * The periodic refresh of an open map: nothing (204) when the map is as the page shows it, else
     * the seats that moved since the page's version, swapped out of band, with the new version; the
     * whole map only when this instance does not know the page's version.
     */
    @HxRequest
    @GetMapping(SEAT_MAP_REFRESH)
    Object seatMapChanges(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(required = false) List<Long> seatIds,
            @RequestParam(required = false) String since,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        var snapshot = snapshots.current(performanceId, catalogue::seatMap, catalogue::seatMapAgain);
        var map = published(snapshot.map());
        var fragments = new ArrayList<String>();
        // a pass drawn for this refresh ends with the admission its page found: no session, no waiting room
        if (!PollPasses.opened(request)) {
            var until = admittedUntil(me, map.concert().id(), request.getSession());
            if (until.isEmpty()) {
                return new HtmxRedirectView("/concerts/" + map.concert().id() + "/waiting-room");
            }
            if (refreshing(model, request, performanceId, until.get()) != null) {
                // the session answered (no pass, or one that is forged, old or past its end): a new
                // pass, so the next refreshes need it no more
                fragments.add("concert/seats :: refresh(oob=true)");
            }
        }
        var moved = snapshot.movedSince(since);
        if (moved.isPresent() && moved.get().isEmpty()) {
            model.addAttribute("map", map);
            return fragments.isEmpty()
                    ? ResponseEntity.noContent().build()
                    : FragmentsRendering.fragment(fragments.get(0)).build();
        }
        var picked = seatIds == null ? List.<Long>of() : seatIds;
        if (moved.isPresent()) {
            // the fan's own holds change only when they hold, which leaves this page: asked only for a new summary
            boolean pickedMoved = picked.stream().anyMatch(moved.get()::contains);
            if (!pickedMoved && fragments.isEmpty()) {
                // nothing of this fan in the answer: every fan showing that version gets the same
                var copy = rendered.findChange(request, performanceId, since, snapshot.version(), locale);
                if (copy.isPresent()) {
                    return copy.get();
                }
            }
            var movedSeats = map.seats().stream()
                    .filter(seat -> moved.get().contains(seat.id()))
                    .toList();
            model.addAttribute("movedSeats", movedSeats);
            drawing(
                    model,
                    snapshot,
                    pickedMoved ? fanHolds.of(me.id(), performanceId) : FanHolds.FanSeats.NONE,
                    picked);
            fragments.add("concert/seats :: moved");
            if (pickedMoved) {
                fragments.add("concert/seats :: summary(oob=true)");
            }
        } else {
            drawing(model, snapshot, fanHolds.of(me.id(), performanceId), picked);
            fragments.add("concert/seats :: map(oob=true)");
            fragments.add("concert/seats :: summary(oob=true)");
        }
        fragments.add("concert/seats :: overview(oob=true)");
        fragments.add("concert/seats :: version(oob=true)");
        return FragmentsRendering.fragments(
                        fragments.stream().map(ModelAndView::new).toList())
                .build();
    }

    /** The summary beside the map, after each tick or untick. */
    @HxRequest
    @GetMapping("/performances/{performanceId}/seats/summary")
    View summaryFragment(
            @AuthenticationPrincipal MemberPrincipal me,
            @PathVariable long performanceId,
            @RequestParam(required = false) List<Long> seatIds,
            HttpSession session,
            Model model) {
        var snapshot = snapshots.current(performanceId, catalogue::seatMap, catalogue::seatMapAgain);
        var map = published(snapshot.map());
        if (!admitted(me, map.concert().id(), session)) {
            return new HtmxRedirectView("/concerts/" + map.concert().id() + "/waiting-room");
        }
        drawing(model, snapshot, fanHolds.of(me.id(), performanceId), seatIds);
        return FragmentsRendering.fragment("concert/seats :: summary(oob=false)")
                .build();
    }

    /** What the map's templates draw: the map, its version, the fan's holds and ticks. */
    private void drawing(Model model, SeatMapSnapshots.Snapshot snapshot, FanHolds.FanSeats mine, List<Long> picked) {
        var map = snapshot.map();
        int limit = Math.max(0, map.concert().maxSeatsPerMember() - mine.counted());
        model.addAttribute("map", map);
        model.addAttribute("version", snapshot.version());
        model.addAttribute("heldByMe", mine);
        model.addAttribute("holdSeconds", gate.holdDuration(map.concert().id()).toSeconds());
        model.addAttribute("selection", SeatSelection.of(map, picked, limit));
    }

    /**
     * What the map's refresh needs: how often, and its pass (for the fan the session signed in,
     * bound to this date's refresh and ending with the admission); null when none can be drawn, and
     * the refresh then goes through the session.
     */
    private String refreshing(Model model, HttpServletRequest request, long performanceId, Instant admittedUntil) {
        var pass = passes.current(
                request.getContextPath() + "/performances/" + performanceId + "/seats/map", admittedUntil);
        model.addAttribute("refreshSeconds", properties.refresh().toSeconds());
        model.addAttribute("refreshPass", pass);
        return pass;
    }

    private boolean admitted(MemberPrincipal me, long concertId, HttpSession session) {
        return admittedUntil(me, concertId, session).isPresent();
    }

    /**
     * The end of the fan's admission, for the requests an open map sends (its refresh without a
     * valid pass, its summary): until the end of the admission the page load found (kept in the
     * session), then the waiting room is asked again. An admission that ended early (the fan paid,
     * or left the line) still sees the map refresh until then, with a pass or without; holding and
     * paying ask the waiting room themselves.
     */
    private Optional<Instant> admittedUntil(MemberPrincipal me, long concertId, HttpSession session) {
        if (session.getAttribute(ADMITTED + concertId) instanceof Instant until && until.isAfter(clock.instant())) {
            return Optional.of(until);
        }
        var until = gate.admittedUntil(me.id(), concertId);
        until.ifPresent(end -> session.setAttribute(ADMITTED + concertId, end));
        return until;
    }

    private static SeatMapView published(SeatMapView map) {
        if (!map.concert().published()) {
            throw DomainException.notFound();
        }
        return map;
    }

    private static String toWaitingRoom(long concertId) {
        return "redirect:/concerts/" + concertId + "/waiting-room";
    }
}

package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.member.Members;
import app.stagedoor.shared.DomainException;
import app.stagedoor.web.Formats;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organiser's sales view of a concert: per date the seats available, held and sold, revenue,
 * refunds and the fees kept, check-ins and holds about to run out; sold seats and revenue per
 * section; totals; and the orders as a CSV file. It is the sales part of the concert's dashboard
 * (refreshed with htmx), and the dashboard's overview shows its totals.
 */
@Controller
class SalesController {

    record DateSales(
            long performanceId,
            Instant startsAt,
            SeatInventory.SeatCounts seats,
            SalesReport.DateMoney money,
            ETicketStore.Counts tickets,
            long holdsExpiringSoon) {}

    record Totals(long sold, long revenue, long refunds, long refunded, long fees, long checkedIn) {

        static Totals of(List<DateSales> dates) {
            return new Totals(
                    dates.stream().mapToLong(d -> d.seats().booked()).sum(),
                    dates.stream().mapToLong(d -> d.money().revenue()).sum(),
                    dates.stream().mapToLong(d -> d.money().refunds()).sum(),
                    dates.stream().mapToLong(d -> d.money().refunded()).sum(),
                    dates.stream().mapToLong(d -> d.money().fees()).sum(),
                    dates.stream().mapToLong(d -> d.tickets().checkedIn()).sum());
        }
    }

    /** Excel and Numbers read UTF-8 (Korean names included) only when the file starts with this. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Catalogue catalogue;
    private final SeatInventory inventory;
    private final ReservationRepository reservations;
    private final SalesReport report;
    private final ETicketStore tickets;
    private final Members members;
    private final Formats formats;
    private final MessageSource messages;
    private final BookingProperties properties;
    private final Clock clock;

    SalesController(
            Catalogue catalogue,
            SeatInventory inventory,
            ReservationRepository reservations,
            SalesReport report,
            ETicketStore tickets,
            Members members,
            Formats formats,
            MessageSource messages,
            BookingProperties properties,
            Clock clock) {
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.reservations = reservations;
        this.report = report;
        this.tickets = tickets;
        this.members = members;
        this.formats = formats;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @HxRequest
    @GetMapping("/admin/concerts/{concertId}/sales")
    String sales(@PathVariable long concertId, Model model) {
        populate(concertId, model);
        return "booking/sales :: sales";
    }

    /** The sales part of the concert's dashboard. */
    @GetMapping("/admin/concerts/{concertId}/sales")
    String page(@PathVariable long concertId, Model model) {
        populate(concertId, model);
        return "booking/sales";
    }

    /** Seats sold, revenue and seats held now, for the concert's overview. */
    @HxRequest
    @GetMapping("/admin/concerts/{concertId}/sales/summary")
    String summary(@PathVariable long concertId, Model model) {
        populate(concertId, model);
        return "booking/sales :: summary";
    }

    private void populate(long concertId, Model model) {
        var concert = catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
        var now = clock.instant();
        var dates = concert.performances().stream()
                .map(p -> new DateSales(
                        p.id(),
                        p.startsAt(),
                        inventory.counts(p.id()),
                        report.money(p.id()),
                        tickets.counts(p.id()),
                        reservations.holdsExpiringBetween(p.id(), now, now.plus(properties.expiringWithin()))))
                .toList();
        model.addAttribute("concert", concert);
        model.addAttribute("expiringMinutes", properties.expiringWithin().toMinutes());
        model.addAttribute("sales", dates);
        model.addAttribute("totals", Totals.of(dates));
        model.addAttribute(
                "held", dates.stream().mapToLong(d -> d.seats().held()).sum());
        model.addAttribute("sections", report.bySection(concertId));
    }

    /** Every paid or refunded order, in the organiser's language, ready for a spreadsheet. */
    @GetMapping("/admin/concerts/{concertId}/orders.csv")
    ResponseEntity<byte[]> orders(@PathVariable long concertId) {
        var concert = catalogue.findConcert(concertId).orElseThrow(DomainException::notFound);
        var orders = report.ordersWithSeats(concertId);
        var fans = members.usernames(
                orders.stream().map(SalesReport.Order::memberId).collect(Collectors.toSet()));
        var dates = new HashMap<Long, Instant>();
        concert.performances().forEach(p -> dates.put(p.id(), p.startsAt()));
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(
                text("sales.csv.bookingNumber"),
                text("sales.csv.fan"),
                text("sales.csv.date"),
                text("sales.csv.seats"),
                text("sales.csv.amount"),
                text("sales.csv.status"),
                text("sales.csv.paidAt"),
                text("sales.csv.refundedAt"),
                text("sales.csv.refunded"),
                text("sales.csv.fee")));
        for (var order : orders) {
            rows.add(List.of(
                    order.bookingNumber() == null ? "" : order.bookingNumber(),
                    fans.getOrDefault(order.memberId(), ""),
                    time(dates.get(order.performanceId()), concert.zone()),
                    formats.seats(order.seats()),
                    String.valueOf(order.amount()),
                    text("tickets.status." + order.status()),
                    time(order.paidAt(), concert.zone()),
                    time(order.refundedAt(), concert.zone()),
                    order.refunded() == null ? "" : String.valueOf(order.refunded()),
                    order.fee() == null ? "" : String.valueOf(order.fee())));
        }
        var csv = BYTE_ORDER_MARK + rows.stream().map(SalesController::csvLine).collect(Collectors.joining("\r\n"))
                + "\r\n";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("orders-" + concertId + ".csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : SPREADSHEET_TIME.format(instant.atZone(zone));
    }

    /**
     * One RFC 4180 line. A cell a spreadsheet would run as a formula (a fan's name such as
     * {@code =HYPERLINK(…)}) is written as text.
     */
    static String csvLine(List<String> cells) {
        return cells.stream()
                .map(cell -> {
                    var safe = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
                    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                            ? "\"" + safe.replace("\"", "\"\"") + "\""
                            : safe;
                })
                .collect(Collectors.joining(","));
    }
}

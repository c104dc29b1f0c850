package app.stagedoor.web;

import app.stagedoor.shared.SeatPlace;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and times as a fan reads them in their language: {@code ₩50,000} or {@code 50,000원};
 * times in the venue's zone. Templates call it as {@code ${@formats.money(amount)}}.
 */
@Component("formats")
public class Formats {

    private final ZoneId defaultZone;
    private final MessageSource messages;

    /**
     * One integer format per language, copied for each use (a format is not thread-safe): building
     * one parses its pattern, and the waiting room's every poll writes two numbers.
     */
    private final Map<Locale, NumberFormat> integerFormats = new ConcurrentHashMap<>();

    Formats(WebProperties properties, MessageSource messages) {
        this.defaultZone = properties.timeZone();
        this.messages = messages;
    }

    /** A seat as the seat map names it: {@code VIP · row 1 · seat 5} or {@code VIP · 1열 · 5번}. */
    public String seat(SeatPlace place) {
        return messages.getMessage(
                "seats.seatShort",
                new Object[] {place.section(), place.row(), place.number()},
                LocaleContextHolder.getLocale());
    }

    /** Several seats, as {@link #seat}, in one line. */
    public String seats(List<SeatPlace> places) {
        return String.join(", ", places.stream().map(this::seat).toList());
    }

    /** A length of time as a fan says it: 5 minutes, 2 minutes 30 seconds, 45 seconds. */
    public String duration(long seconds) {
        long minutes = seconds / 60;
        long rest = seconds % 60;
        var key = minutes == 0 ? "duration.seconds" : rest == 0 ? "duration.minutes" : "duration.minutesSeconds";
        return messages.getMessage(key, new Object[] {minutes, rest}, LocaleContextHolder.getLocale());
    }

    public String money(long won) {
        var locale = LocaleContextHolder.getLocale();
        var digits = integerFormat(locale).format(Math.abs(won));
        var sign = won < 0 ? "−" : "";
        return Locale.KOREAN.getLanguage().equals(locale.getLanguage()) ? sign + digits + "원" : sign + "₩" + digits;
    }

    /** A signed amount for ledgers: +₩10,000 or −₩5,000. */
    public String signedMoney(long won) {
        return (won > 0 ? "+" : "") + money(won);
    }

    public String number(long value) {
        return integerFormat(LocaleContextHolder.getLocale()).format(value);
    }

    private NumberFormat integerFormat(Locale locale) {
        return (NumberFormat) integerFormats
                .computeIfAbsent(locale, NumberFormat::getIntegerInstance)
                .clone();
    }

    public String dateTime(Instant instant) {
        return dateTime(instant, defaultZone);
    }

    /** A date and time in the given zone, named after it, such as {@code Dec 10, 2026, 7:30 PM KST}. */
    public String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        var locale = LocaleContextHolder.getLocale();
        var local = instant.atZone(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(local)
                + " " + DateTimeFormatter.ofPattern("z", locale).format(local);
    }

    public String date(Instant instant, ZoneId zone) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(LocaleContextHolder.getLocale())
                        .format(instant.atZone(zone));
    }

    /** A time of day in the given zone, named after it, such as {@code 7:30 PM KST}. */
    public String time(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        var locale = LocaleContextHolder.getLocale();
        var local = instant.atZone(zone);
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(local)
                + " " + DateTimeFormatter.ofPattern("z", locale).format(local);
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }
}

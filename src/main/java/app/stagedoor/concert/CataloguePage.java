package app.stagedoor.concert;

import java.util.List;

/**
 * One page of the published catalogue, opening soonest first.
 *
 * @param number the page, from 1
 * @param size concerts per page
 * @param total published concerts in all
 * @param version changes whenever anything the page shows from the database changes (its concerts,
 *     their dates, sections and posters, the count); the same on every instance
 */
public record CataloguePage(List<ConcertView> concerts, int number, int size, long total, String version) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }
}

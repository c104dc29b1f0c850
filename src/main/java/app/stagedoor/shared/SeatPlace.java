package app.stagedoor.shared;

/**
 * Where a seat is: its section, row and number on the seat map. Other modules keep and show it as
 * this value (the web layer words it per language), never as text to be taken apart again.
 */
public record SeatPlace(String section, int row, int number) {

    /** Plain and language-free, such as {@code VIP 3-12}: for problem details and exports. */
    public String label() {
        return section + " " + row + "-" + number;
    }
}

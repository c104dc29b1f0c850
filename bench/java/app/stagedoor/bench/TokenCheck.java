package app.stagedoor.bench;

/**
 * Before any load: one minted token must work. {@code GET /api/v1/wallet} as the fan → 200.
 *
 * <pre>TokenCheck --base URL --tokens tokens.tsv --member ID</pre>
 */
public final class TokenCheck {

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var answer = options.api().get("/api/v1/wallet", options.fans().token(options.number("member")));
        if (answer.status() != 200) {
            System.err.println("minted token refused: GET /api/v1/wallet → " + answer.label() + " " + answer.body());
            System.exit(1);
        }
        System.out.println(answer.body());
    }
}

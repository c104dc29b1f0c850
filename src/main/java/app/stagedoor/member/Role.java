package app.stagedoor.member;

/** What a member may do: every account is a FAN; organisers are ADMINs. */
public enum Role {
    FAN,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}

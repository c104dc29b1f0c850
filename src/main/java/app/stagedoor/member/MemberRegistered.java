package app.stagedoor.member;

/** Published inside the registering transaction, so a new member's wallet opens with the account. */
public record MemberRegistered(long memberId, String username) {}

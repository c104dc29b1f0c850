/**
 * Accounts: sign-up, form login with a lock after repeated failures, roles, and the first admin.
 * Other modules see the signed-in fan as a {@link app.stagedoor.member.MemberPrincipal}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Members",
        allowedDependencies = {"shared"})
package app.stagedoor.member;

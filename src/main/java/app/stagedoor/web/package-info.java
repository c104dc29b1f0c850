/**
 * What every page and API call shares: security (form login for pages, bearer tokens for the API),
 * error pages and problem details, languages, formatting, and the layout.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"member", "shared"})
package app.stagedoor.web;

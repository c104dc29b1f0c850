/**
 * Types every module may use: the error codes of the API and pages, the domain exception that
 * carries them, the clock and the scheduling infrastructure.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.stagedoor.shared;

/**
 * The console's wire protocol and its client: {@code ./pylon console '<command>'} sends a Gogo command line to a
 * running charger over a Unix domain socket and gets its output and an exit status back (see
 * {@link dev.pylon.runtime.console.ConsoleProtocol}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.runtime.console;

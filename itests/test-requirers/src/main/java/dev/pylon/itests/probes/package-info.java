/** What the integration tests read from the test modules: each module registers its probe as a service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.itests.probes;

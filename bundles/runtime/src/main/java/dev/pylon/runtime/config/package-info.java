/**
 * EVerest's module manifests and runtime config, as Pylon reads and checks them before anything starts.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.runtime.config;

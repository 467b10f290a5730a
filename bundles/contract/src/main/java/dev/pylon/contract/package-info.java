/**
 * The Pylon contract: EVerest-format interface, type and error YAML files, loaded into an immutable model,
 * checked against the meta-schemas, and used at run time to validate cmd arguments, results and vars.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.contract;

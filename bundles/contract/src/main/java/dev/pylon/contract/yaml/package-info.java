/**
 * Helpers for YAML documents checked by JSON schemas, shared by the contract loader and the module runtime's manifest
 * and config loaders: {@link dev.pylon.contract.yaml.YamlTree} (a YAML document as a Jackson tree that remembers the
 * line of every node) and {@link dev.pylon.contract.yaml.SchemaRegistries} (networknt's validator set up the Pylon way,
 * and its errors turned into located messages).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.contract.yaml;

package dev.pylon.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.SchemaValidator;
import java.nio.file.Path;

/** The project's real contract, loaded once for the tests of this module. */
final class ContractFixture {
    static final Path CONTRACT_DIR = Path.of(System.getProperty("pylon.contract.dir", "."));
    static final Contract CONTRACT = ContractLoader.load(ContractSources.fromDirectory(CONTRACT_DIR, CONTRACT_DIR));
    static final SchemaValidator VALIDATOR = new SchemaValidator(CONTRACT);
    static final ObjectMapper JSON = new ObjectMapper();

    private ContractFixture() {
    }
}

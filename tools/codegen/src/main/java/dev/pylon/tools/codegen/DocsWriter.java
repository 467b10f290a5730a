package dev.pylon.tools.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pylon.contract.CmdDef;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ErrorFile;
import dev.pylon.contract.InterfaceDef;
import dev.pylon.contract.TypeFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes docs/interfaces.md from the contract, so the list of interfaces can never drift from the YAML. */
final class DocsWriter {
    private DocsWriter() {
    }

    static String markdown(Contract contract) {
        StringBuilder md = new StringBuilder();
        md.append("# The Pylon contract\n\n")
                .append("<!-- Generated from interfaces/ by tools/codegen; edit the YAML, not this file. -->\n\n")
                .append("Interfaces, types and errors in EVerest's format (`interfaces/`). Names and types match EVerest's ")
                .append("so that configs and messages carry over; the Java API in `dev.pylon.api` is generated from them ")
                .append("at build time (see `docs/architecture.md`).\n\n");
        md.append("| interface | cmds | vars | errors | Java package |\n|---|---|---|---|---|\n");
        for (InterfaceDef def : contract.interfaces().values()) {
            md.append("| [`").append(def.name()).append("`](#").append(anchor(def.name())).append(") | ")
                    .append(def.cmds().size()).append(" | ").append(def.vars().size()).append(" | ")
                    .append(def.errors().size()).append(" | `").append(Names.interfacePackage(def.name())).append("` |\n");
        }
        md.append("\n## Interfaces\n");
        for (InterfaceDef def : contract.interfaces().values()) {
            md.append("\n### ").append(def.name()).append("\n\n").append(flat(def.description())).append("\n\n");
            if (!def.cmds().isEmpty()) {
                md.append("| cmd | arguments | result |\n|---|---|---|\n");
                for (CmdDef cmd : def.cmds().values()) {
                    List<String> args = new ArrayList<>();
                    cmd.arguments().forEach((name, schema) -> args.add("`" + name + "`: " + typeOf(schema)));
                    md.append("| `").append(cmd.name()).append("` | ").append(args.isEmpty() ? "–" : String.join(", ", args))
                            .append(" | ").append(cmd.hasResult() ? typeOf(cmd.result()) : "–").append(" |\n");
                }
                md.append('\n');
            }
            if (!def.vars().isEmpty()) {
                md.append("| var | type |\n|---|---|\n");
                def.vars().forEach((name, schema) -> md.append("| `").append(name).append("` | ").append(typeOf(schema)).append(" |\n"));
                md.append('\n');
            }
            if (!def.errors().isEmpty()) {
                md.append("Errors: ").append(String.join(", ", def.errors().stream().map(e -> "`" + e + "`").toList())).append("\n");
            }
        }
        md.append("\n## Type files\n\n| file | types |\n|---|---|\n");
        for (TypeFile file : contract.typeFiles().values()) {
            md.append("| `").append(file.stem()).append("` | ").append(String.join(", ", file.types().keySet())).append(" |\n");
        }
        md.append("\n## Error files\n\n| file | errors |\n|---|---|\n");
        for (ErrorFile file : contract.errorFiles().values()) {
            md.append("| `").append(file.stem()).append("` | ")
                    .append(String.join(", ", file.errors().stream().map(ErrorFile.ErrorDecl::name).toList())).append(" |\n");
        }
        return md.toString();
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("$ref")) {
            return "`" + schema.get("$ref").asText() + "`";
        }
        JsonNode type = schema.path("type");
        String text = type.isArray() ? String.join("\\|", toList(type)) : type.asText();
        if ("array".equals(text) && schema.path("items").has("$ref")) {
            return "array of `" + schema.path("items").path("$ref").asText() + "`";
        }
        return text;
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String flat(String text) {
        return text.strip().replace("\n", " ");
    }

    private static String anchor(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

}

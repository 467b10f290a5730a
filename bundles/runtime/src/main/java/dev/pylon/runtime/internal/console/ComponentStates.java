package dev.pylon.runtime.internal.console;

import dev.pylon.runtime.ModuleBus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The DS component behind a module instance, as SCR's DTOs describe it: its bundle and its state. */
final class ComponentStates {
    /**
     * @param bundle      {@code symbolic-name/version} of the bundle declaring the component, or null when no bundle
     *                    declares it
     * @param bundleId    that bundle's id, or -1
     * @param componentId the component configuration's id ({@code component.id}), or -1 when there is none
     * @param state       {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE},
     *                    {@code UNSATISFIED_CONFIGURATION}, {@code FAILED_ACTIVATION}; or {@code NO_CONFIGURATION}
     *                    (declared, no configuration yet), {@code DISABLED}, {@code NOT_INSTALLED}
     * @param unsatisfied the references SCR waits for (state {@code UNSATISFIED_REFERENCE})
     */
    record State(String bundle, long bundleId, long componentId, String state, List<String> unsatisfied) {
    }

    private final ServiceComponentRuntime scr;

    ComponentStates(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /**
     * The component of module instance {@code moduleId} of type {@code moduleType}: of several configurations (a
     * second bundle version beside the first), the newest.
     */
    State of(String moduleId, String moduleType) {
        List<ComponentDescriptionDTO> descriptions = new ArrayList<>();
        ComponentConfigurationDTO newest = null;
        ComponentDescriptionDTO newestDescription = null;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!moduleType.equals(description.name)) {
                continue;
            }
            descriptions.add(description);
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (moduleId.equals(configuration.properties.get(ModuleBus.MODULE_ID))
                        && (newest == null || configuration.id > newest.id)) {
                    newest = configuration;
                    newestDescription = description;
                }
            }
        }
        if (newest != null) {
            return new State(bundle(newestDescription), newestDescription.bundle.id, newest.id, state(newest.state),
                    newest.unsatisfiedReferences == null ? List.of()
                            : Arrays.stream(newest.unsatisfiedReferences).map(r -> r.name).toList());
        }
        if (descriptions.isEmpty()) {
            return new State(null, -1, -1, "NOT_INSTALLED", List.of());
        }
        ComponentDescriptionDTO description = descriptions.stream()
                .max(Comparator.comparingLong(d -> d.bundle.id)).orElseThrow();
        return new State(bundle(description), description.bundle.id, -1,
                scr.isComponentEnabled(description) ? "NO_CONFIGURATION" : "DISABLED", List.of());
    }

    private static String bundle(ComponentDescriptionDTO description) {
        return description.bundle.symbolicName + "/" + description.bundle.version;
    }

    static String state(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "STATE_" + state;
        };
    }
}

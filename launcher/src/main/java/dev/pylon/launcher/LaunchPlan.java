package dev.pylon.launcher;

import dev.pylon.launcher.features.BundleRef;
import dev.pylon.launcher.features.FeatureException;
import dev.pylon.launcher.features.FeaturesFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the launcher installs: the bundles of the requested features, plus the features that bring the module types
 * the config uses; module bundles (bundles carrying {@code modules/<Module>/manifest.yaml}) whose modules the config does
 * not use are left out.
 *
 * @param features the features installed, requested ones first
 * @param bundles  in install (and start) order
 * @param skipped  module bundles the features name but the config does not need
 */
public record LaunchPlan(List<String> features, List<PlannedBundle> bundles, List<Path> skipped) {

    /** A bundle to install and the staged file it comes from. */
    public record PlannedBundle(BundleRef ref, Path file) {
    }

    public LaunchPlan {
        features = List.copyOf(features);
        bundles = List.copyOf(bundles);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param requested   feature names from {@code --feature}
     * @param moduleTypes the module types of the config's {@code active_modules}
     * @throws LaunchException {@link ExitCode#BAD_ARGUMENTS} for an unknown feature, {@link ExitCode#FRAMEWORK_FAILED}
     *                         when a bundle is not staged or no feature installs a module the config uses
     */
    public static LaunchPlan of(FeaturesFile features, List<String> requested, Collection<String> moduleTypes,
            BundleScan scan, Staging staging) throws LaunchException {
        List<String> selected = new ArrayList<>();
        for (String name : requested) {
            try {
                features.feature(name);
            } catch (FeatureException e) {
                throw new LaunchException(ExitCode.BAD_ARGUMENTS, e.getMessage(), e);
            }
            if (!selected.contains(name)) {
                selected.add(name);
            }
        }
        Set<Path> needed = new LinkedHashSet<>();
        for (String type : new LinkedHashSet<>(moduleTypes)) {
            BundleScan.ModuleSource module = scan.modules().get(type);
            if (module == null) {
                throw new LaunchException(ExitCode.CONFIG_REJECTED, "module " + type + ": no staged bundle carries modules/"
                        + type + "/manifest.yaml");
            }
            needed.add(module.jar());
            if (!files(features, selected, staging).contains(module.jar())) {
                selected.add(featureWith(features, module, staging));
            }
        }
        List<PlannedBundle> bundles = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (BundleRef ref : resolve(features, selected)) {
            Path file = staging.file(ref.url());
            if (scan.moduleJars().contains(file) && !needed.contains(file)) {
                skipped.add(file);
            } else {
                bundles.add(new PlannedBundle(ref, file));
            }
        }
        return new LaunchPlan(selected, bundles, skipped);
    }

    private static String featureWith(FeaturesFile features, BundleScan.ModuleSource module, Staging staging)
            throws LaunchException {
        for (String name : features.features().keySet()) {
            if (files(features, List.of(name), staging).contains(module.jar())) {
                return name;
            }
        }
        throw new LaunchException(ExitCode.FRAMEWORK_FAILED, "module " + module.moduleName() + " is carried by "
                + module.jar().getFileName() + ", which no feature in " + features.source() + " names");
    }

    private static Set<Path> files(FeaturesFile features, List<String> names, Staging staging) throws LaunchException {
        Set<Path> files = new LinkedHashSet<>();
        for (BundleRef ref : resolve(features, names)) {
            files.add(staging.file(ref.url()));
        }
        return files;
    }

    private static List<BundleRef> resolve(FeaturesFile features, List<String> names) throws LaunchException {
        try {
            return features.resolve(names);
        } catch (FeatureException e) {
            throw new LaunchException(ExitCode.FRAMEWORK_FAILED, e.getMessage(), e);
        }
    }
}

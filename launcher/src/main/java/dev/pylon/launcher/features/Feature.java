package dev.pylon.launcher.features;

import java.util.List;

/** One {@code <feature>}: its own bundles and the features it includes, both in file order. */
public record Feature(String name, String version, String description, List<BundleRef> bundles,
        List<String> features) {

    public Feature {
        bundles = List.copyOf(bundles);
        features = List.copyOf(features);
    }
}

package dev.pylon.launcher.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A features repository in Apache Karaf's format ({@code http://karaf.apache.org/xmlns/features/v1.x.0}). The launcher
 * reads {@code <feature>} elements with their {@code <bundle>} and {@code <feature>} children; anything else Karaf
 * knows (configs, conditionals, capabilities) is not used by Pylon's features and is ignored.
 */
public final class FeaturesFile {
    public static final String NAMESPACE_PREFIX = "http://karaf.apache.org/xmlns/features/v1.";

    private final String source;
    private final Map<String, Feature> features;

    private FeaturesFile(String source, Map<String, Feature> features) {
        this.source = source;
        this.features = features;
    }

    public static FeaturesFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new FeatureException("cannot read features file " + file + ": " + e.getMessage(), e);
        }
    }

    public static FeaturesFile read(String source, InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        Map<String, Feature> features = new LinkedHashMap<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            xml.nextTag();
            if (!"features".equals(xml.getLocalName()) || xml.getNamespaceURI() == null
                    || !xml.getNamespaceURI().startsWith(NAMESPACE_PREFIX)) {
                throw new FeatureException(source + ":" + xml.getLocation().getLineNumber()
                        + ": the root element must be <features> in namespace " + NAMESPACE_PREFIX + "x.0");
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("feature".equals(xml.getLocalName())) {
                    int line = xml.getLocation().getLineNumber();
                    Feature feature = readFeature(source, xml);
                    if (features.putIfAbsent(feature.name(), feature) != null) {
                        throw new FeatureException(source + ":" + line + ": a second feature named '" + feature.name() + "'");
                    }
                } else {
                    skip(xml);
                }
            }
        } catch (XMLStreamException e) {
            throw new FeatureException(source + ": not a valid features file: " + e.getMessage(), e);
        }
        FeaturesFile file = new FeaturesFile(source, features);
        file.checkReferences();
        return file;
    }

    private static Feature readFeature(String source, XMLStreamReader xml) throws XMLStreamException {
        String name = required(source, xml, "name");
        String version = xml.getAttributeValue(null, "version");
        String description = xml.getAttributeValue(null, "description");
        List<BundleRef> bundles = new ArrayList<>();
        List<String> included = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            int line = xml.getLocation().getLineNumber();
            switch (xml.getLocalName()) {
                case "bundle" -> {
                    String start = xml.getAttributeValue(null, "start");
                    String level = xml.getAttributeValue(null, "start-level");
                    String location = xml.getElementText().strip();
                    try {
                        bundles.add(new BundleRef(MavenUrl.parse(location), start == null || Boolean.parseBoolean(start),
                                level == null ? 0 : Integer.parseInt(level.strip())));
                    } catch (IllegalArgumentException e) {
                        throw new FeatureException(source + ":" + line + ": feature '" + name + "': " + e.getMessage(), e);
                    }
                }
                case "feature" -> included.add(xml.getElementText().strip());
                default -> skip(xml);
            }
        }
        return new Feature(name, version, description, bundles, included);
    }

    private static String required(String source, XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            throw new FeatureException(source + ":" + xml.getLocation().getLineNumber() + ": <" + xml.getLocalName()
                    + "> needs a '" + attribute + "' attribute");
        }
        return value;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void checkReferences() {
        for (Feature feature : features.values()) {
            for (String included : feature.features()) {
                if (!features.containsKey(included)) {
                    throw new FeatureException(source + ": feature '" + feature.name() + "' includes '" + included
                            + "', which does not exist; features: " + features.keySet());
                }
            }
        }
        for (String name : features.keySet()) {
            resolve(List.of(name));
        }
    }

    public String source() {
        return source;
    }

    /** Every feature, in file order. */
    public Map<String, Feature> features() {
        return features;
    }

    /** The feature named {@code name}. @throws FeatureException naming the features that exist */
    public Feature feature(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            throw new FeatureException("no feature '" + name + "' in " + source + "; features: " + features.keySet());
        }
        return feature;
    }

    /**
     * The bundles of these features and of every feature they include, each once, in install order: a feature's
     * included features come before its own bundles, in file order.
     *
     * @throws FeatureException for an unknown feature or a cycle of includes
     */
    public List<BundleRef> resolve(Collection<String> names) {
        Set<MavenUrl> seen = new LinkedHashSet<>();
        List<BundleRef> bundles = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : names) {
            collect(name, new ArrayDeque<>(), done, seen, bundles);
        }
        return bundles;
    }

    private void collect(String name, Deque<String> path, Set<String> done, Set<MavenUrl> seen, List<BundleRef> out) {
        if (path.contains(name)) {
            throw new FeatureException(source + ": features include each other in a cycle: "
                    + String.join(" -> ", path) + " -> " + name);
        }
        if (!done.add(name)) {
            return;
        }
        Feature feature = feature(name);
        path.addLast(name);
        for (String included : feature.features()) {
            collect(included, path, done, seen, out);
        }
        path.removeLast();
        for (BundleRef bundle : feature.bundles()) {
            if (seen.add(bundle.url())) {
                out.add(bundle);
            }
        }
    }
}

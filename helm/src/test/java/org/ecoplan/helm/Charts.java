package org.ecoplan.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The charts as an operator gets them: copied with the library into target/, the library packaged into the
 * umbrella's charts/ by {@code helm dependency build} from the {@code file://} reference (no repository, no
 * network), then linted and rendered by the Helm library helm-java bundles. The source tree stays untouched.
 */
final class Charts {

  static final Path SOURCES = Path.of("charts");
  static final String RELEASE = "ecoplan";
  static final String NAMESPACE = "ecoplan";
  /** A current cluster; helm template otherwise assumes Kubernetes 1.20, which the chart's kubeVersion refuses. */
  static final String KUBE_VERSION = "1.33.0";
  static final Path MINIMAL_VALUES = SOURCES.resolve("ecoplan/ci/minimal-values.yaml");
  static final Path PRODUCTION_VALUES = SOURCES.resolve("ecoplan/ci/production-values.yaml");

  private static final Path WORK = Path.of("target", "charts-under-test");
  private static final String HOOK_ANNOTATION = "helm.sh/hook:";
  private static final String HOOKS_CARRIER = "rendered-hooks";

  private static Path installable;
  private static Path renderable;

  private Charts() {
  }

  /** The umbrella chart with its dependencies built, exactly as `helm install` would take it. */
  static synchronized Path installable() {
    if (installable == null) {
      Path copy = copyTree(SOURCES, WORK.resolve("installable"));
      Path umbrella = copy.resolve("ecoplan");
      new Helm(umbrella).dependency().build().call();
      installable = umbrella;
    }
    return installable;
  }

  static LintResult lint(Path chart) {
    return new Helm(chart).lint().strict().call();
  }

  /**
   * {@code helm lint --strict --values <file>}: helm-java's lint takes no values file, so a copy of the chart
   * gets the file merged into its values.yaml the way Helm merges values (maps key by key, anything else
   * replaced).
   */
  static LintResult lintWith(Path valuesFile) {
    Path umbrella = copyTree(installable().getParent(), WORK.resolve("lint-" + valuesFile.getFileName()))
        .resolve("ecoplan");
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try {
      Map<String, Object> values = yaml.load(Files.readString(umbrella.resolve("values.yaml")));
      Map<String, Object> overrides = yaml.load(Files.readString(valuesFile));
      Files.writeString(umbrella.resolve("values.yaml"), yaml.dump(merge(values, overrides)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lint(umbrella);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> values, Map<String, Object> overrides) {
    Map<String, Object> merged = new LinkedHashMap<>(values);
    overrides.forEach((key, value) -> merged.merge(key, value, (old, given) ->
        old instanceof Map<?, ?> oldMap && given instanceof Map<?, ?> givenMap
            ? merge((Map<String, Object>) oldMap, (Map<String, Object>) givenMap)
            : given));
    return merged;
  }

  /**
   * Every object the chart renders, hooks included. helm-java's template leaves hooks out, so a copy of the
   * chart gets one more template that carries each hook template's rendered text in a ConfigMap; the hooks are
   * read back from it and the carrier dropped.
   */
  static List<Map<String, Object>> render(String release, Path... valuesFiles) {
    TemplateCommand template = new Helm(renderable()).template()
        .withName(release)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
    for (Path file : valuesFiles) {
      template = template.withValuesFile(file);
    }
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Map<String, Object> document : parse(template.call())) {
      if (isHooksCarrier(document)) {
        @SuppressWarnings("unchecked")
        Map<String, String> hooks = (Map<String, String>) document.get("data");
        hooks.values().forEach(text -> documents.addAll(parse(text)));
      } else {
        documents.add(document);
      }
    }
    return documents;
  }

  static List<Map<String, Object>> parse(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      if (document != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) document;
        documents.add(resource);
      }
    }
    return documents;
  }

  private static boolean isHooksCarrier(Map<String, Object> document) {
    return "ConfigMap".equals(document.get("kind"))
        && document.get("metadata") instanceof Map<?, ?> metadata
        && HOOKS_CARRIER.equals(metadata.get("name"));
  }

  private static synchronized Path renderable() {
    if (renderable == null) {
      Path umbrella = copyTree(installable().getParent(), WORK.resolve("renderable")).resolve("ecoplan");
      writeHooksCarrier(umbrella);
      renderable = umbrella;
    }
    return renderable;
  }

  private static void writeHooksCarrier(Path umbrella) {
    Path templates = umbrella.resolve("templates");
    StringBuilder carrier = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + HOOKS_CARRIER + "\ndata:\n");
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (Files.readString(file).contains(HOOK_ANNOTATION)) {
          String relative = templates.relativize(file).toString().replace('\\', '/');
          carrier.append("  ").append(relative.replace('/', '.'))
              .append(": {{ include (print $.Template.BasePath \"/").append(relative).append("\") . | quote }}\n");
        }
      }
      Files.writeString(templates.resolve("zz-hooks-carrier.yaml"), carrier);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyTree(Path source, Path target) {
    try {
      if (Files.exists(target)) {
        try (Stream<Path> old = Files.walk(target)) {
          for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      try (Stream<Path> files = Files.walk(source)) {
        for (Path path : files.toList()) {
          Path copy = target.resolve(source.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(path, copy);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.ecoplan.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One rendering of the chart, every object read strictly into its Kubernetes API type. */
final class Manifests {

  static final List<String> COMPONENTS = List.of("gateway", "indicator-service", "project-service", "risk-service");
  static final List<String> SERVICES = COMPONENTS.subList(1, COMPONENTS.size());

  private final String prefix;
  private final List<HasMetadata> objects;

  private Manifests(String release, List<HasMetadata> objects) {
    // The chart's fullname: a release named after the chart is not repeated.
    this.prefix = release.contains("ecoplan") ? release : release + "-ecoplan";
    this.objects = objects;
  }

  static Manifests render(Path... valuesFiles) {
    return render(Charts.RELEASE, valuesFiles);
  }

  static Manifests render(String release, Path... valuesFiles) {
    return new Manifests(release, Charts.render(release, valuesFiles).stream().map(KubernetesModel::read).toList());
  }

  List<HasMetadata> objects() {
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    List<T> named = all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
    if (named.size() > 1) {
      throw new AssertionError("two " + type.getSimpleName() + "s named " + name);
    }
    return named.stream().findFirst();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
  }

  /** The name of a part of the release (a component, the realm Job, the test pod). */
  String name(String part) {
    return prefix + "-" + part;
  }

  Deployment deployment(String component) {
    return get(Deployment.class, name(component));
  }

  /** The Spring configuration a component's ConfigMap mounts. */
  Map<String, Object> applicationYaml(String component) {
    String text = get(ConfigMap.class, name(component)).getData().get("application.yaml");
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  /** The pod templates of every Deployment and Job and the pods themselves. */
  Stream<PodSpec> podSpecs() {
    return Stream.of(
        all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
        all(Job.class).stream().map(j -> j.getSpec().getTemplate().getSpec()),
        all(Pod.class).stream().map(Pod::getSpec))
        .flatMap(s -> s);
  }

  static Container container(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    if (containers.size() != 1) {
      throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers");
    }
    return containers.get(0);
  }

  static EnvVar env(Container container, String name) {
    List<EnvVar> matches = container.getEnv().stream().filter(e -> name.equals(e.getName())).toList();
    if (matches.size() != 1) {
      throw new AssertionError(container.getName() + " sets " + name + " " + matches.size() + " times");
    }
    return matches.get(0);
  }

  /** A nested value of a parsed YAML map, by its dotted path (keys containing dots are not supported). */
  static Object property(Map<String, Object> yaml, String path) {
    Object value = yaml;
    for (String key : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return null;
      }
      value = map.get(key);
    }
    return value;
  }
}

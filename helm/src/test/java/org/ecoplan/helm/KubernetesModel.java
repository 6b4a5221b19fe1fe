package org.ecoplan.helm;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;

/**
 * Reads rendered objects into fabric8's Kubernetes API classes as strictly as the API server's field
 * validation: a field the type does not have, or a string where a number belongs, fails instead of landing in
 * the classes' catch-all map. Only the API versions listed here are accepted, so a removed or beta version of
 * a kind fails too.
 */
final class KubernetesModel {

  private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
      Map.entry("v1/ConfigMap", ConfigMap.class),
      Map.entry("v1/Pod", Pod.class),
      Map.entry("v1/Secret", Secret.class),
      Map.entry("v1/Service", Service.class),
      Map.entry("v1/ServiceAccount", ServiceAccount.class),
      Map.entry("apps/v1/Deployment", Deployment.class),
      Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
      Map.entry("batch/v1/Job", Job.class),
      Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
      Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
      Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .addModule(new SimpleModule().setDeserializerModifier(new WithoutCatchAll()))
      .build();

  private KubernetesModel() {
  }

  /** The object as its API type; fails naming the object and the offending field. */
  static HasMetadata read(Map<String, Object> document) {
    String type = document.get("apiVersion") + "/" + document.get("kind");
    Class<? extends HasMetadata> modelClass = TYPES.get(type);
    if (modelClass == null) {
      throw new AssertionError("no Kubernetes API type " + type + " (" + name(document) + ")");
    }
    try {
      return STRICT.convertValue(document, modelClass);
    } catch (IllegalArgumentException e) {
      throw new AssertionError(type + " " + name(document) + " is not a valid " + modelClass.getSimpleName()
          + ": " + e.getMessage(), e);
    }
  }

  private static Object name(Map<String, Object> document) {
    return document.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : "(no metadata)";
  }

  /** fabric8's classes keep unknown fields in an any-setter map; without it Jackson rejects them. */
  private static final class WithoutCatchAll extends BeanDeserializerModifier {

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
        BeanDeserializerBuilder builder) {
      builder.setAnySetter(null);
      builder.setIgnoreUnknownProperties(false);
      return builder;
    }
  }
}
